namespace PaperBot.EndToEnd.Harness;

/// <summary>How much to try: a few seeded trials by default (the suite stays within CI's budget), many with
/// <c>PAPERBOT_E2E_LONG=1</c>. <c>PAPERBOT_E2E_SEED</c> replays one seed.</summary>
public static class Trials
{
    public static bool Long => System.Environment.GetEnvironmentVariable("PAPERBOT_E2E_LONG") == "1";

    /// <summary>The seeds to run: <paramref name="quick"/> of them normally, <paramref name="long"/> in a long run.</summary>
    public static IEnumerable<int> Seeds(int quick, int @long, int offset) =>
        System.Environment.GetEnvironmentVariable("PAPERBOT_E2E_SEED") is { Length: > 0 } one
            ? [int.Parse(one, System.Globalization.CultureInfo.InvariantCulture)]
            : Enumerable.Range(offset, Long ? @long : quick);
}
