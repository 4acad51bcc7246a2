using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Incidents;

namespace PaperBot.Discord.Rendering;

/// <summary>
/// An owner notice as one short plain-text message: what is wrong, since when, and what happens meanwhile. Names,
/// queries and reasons are escaped like any text from outside; the nonce is derived from the notice, so a re-send
/// after a crash between post and record is dropped by Discord.
/// </summary>
public static class NoticeRenderer
{
    /// <summary>Subscriptions named in a pause notice; the rest are counted.</summary>
    private const int ListedSubscriptions = 5;

    public static DiscordMessage Render(OwnerNotice notice)
    {
        var text = notice.Incident.Kind == IncidentKind.SourceFailing
            ? "⚠️ " + DiscordText.Safe(IncidentText.SourceFailing(notice.Incident), 1200)
            : Paused(notice);
        return new DiscordMessage(DiscordText.Cut(text, DiscordLimits.Content), [], Nonce(notice));
    }

    /// <summary>To the creator of a channel's subscriptions, in their DMs: the channel itself refused us.</summary>
    private static string Paused(OwnerNotice notice)
    {
        var channel = notice.Paused.Count > 0 ? notice.Paused[0].Subscriber.Address : "";
        var where = DiscordOptions.IsSnowflake(channel) ? $"<#{channel}>" : "a channel";
        var listed = notice.Paused.Take(ListedSubscriptions).Select(s => $"“{DiscordText.Safe(s.Query, 80)}” ({DiscordText.Safe(s.Id, 40)})");
        var more = notice.Paused.Count > ListedSubscriptions ? $" and {notice.Paused.Count - ListedSubscriptions} more" : "";
        var resume = notice.Paused.Count > 0 ? $" The operator resumes them with `paperbot resume {DiscordText.Safe(notice.Paused[0].Id, 40)}`." : "";
        return $"⚠️ PaperBot cannot post in {where}. Alerts for your subscriptions there ({string.Join(", ", listed)}{more}) are paused " +
            $"({DiscordText.Safe(notice.Incident.Detail, 400)}). {IncidentText.PausedConsequence}{resume}";
    }

    public static string Nonce(OwnerNotice notice) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("notice#" + notice.IdempotencyKey)).AsSpan(0, 12));
}
