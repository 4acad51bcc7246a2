using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// Which papers reached each far end, as a list with repeats (so a paper delivered twice shows twice): Discord
/// counted by message (the fake keeps one per nonce), email by Message-ID.
/// </summary>
public static partial class Delivered
{
    public static List<int> ToDiscordChannel(Deployment d, string channelId) =>
        [.. d.Discord.MessagesIn(channelId).SelectMany(m => m.EmbedObjects).SelectMany(e => Serials(e["title"]?.GetValue<string>() ?? "").Take(1))];

    public static List<int> ToDiscordUser(Deployment d, string userId) =>
        d.Discord.DmChannelOf(userId) is { } channel ? ToDiscordChannel(d, channel) : [];

    /// <summary>Each distinct message counts a paper once however often its text names it.</summary>
    public static List<int> ToEmail(Deployment d, string address) =>
        [.. d.Mail.Papers(address).SelectMany(m => Serials(m.TextBody ?? "").Distinct())];

    public static List<int> Sorted(IEnumerable<ShelfPaper> papers) => [.. papers.Select(p => p.Serial).Order()];

    private static IEnumerable<int> Serials(string text) =>
        SerialPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"E2E paper (\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex SerialPattern();
}
