using System.Globalization;

namespace PaperBot.EndToEnd.Harness.Load;

/// <summary>The load report runs with <c>PAPERBOT_E2E_LOAD=1</c> (or in a long run); its size comes from
/// <c>PAPERBOT_E2E_LOAD_SUBSCRIPTIONS</c> (1,000,000 unless set).</summary>
public static class LoadSettings
{
    public static bool Enabled => Trials.Long || System.Environment.GetEnvironmentVariable("PAPERBOT_E2E_LOAD") == "1";

    public static int Subscriptions =>
        System.Environment.GetEnvironmentVariable("PAPERBOT_E2E_LOAD_SUBSCRIPTIONS") is { Length: > 0 } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000;
}

/// <summary>A fact run only when the load report is asked for, skipped with the way to ask otherwise.</summary>
public sealed class LoadFactAttribute : FactAttribute
{
    public LoadFactAttribute()
    {
        if (!LoadSettings.Enabled) Skip = "a benchmark-style report: PAPERBOT_E2E_LOAD=1 (size: PAPERBOT_E2E_LOAD_SUBSCRIPTIONS, default 1,000,000)";
    }
}
