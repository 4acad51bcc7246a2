using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Core.Incidents;

public enum IncidentKind
{
    /// <summary>A source has failed for longer than <c>Operations:SourceAlertAfter</c>; it ends with its next success.</summary>
    SourceFailing,

    /// <summary>Delivery to a target failed permanently and its subscriptions are paused; it ends when they resume.</summary>
    TargetPaused,
}

/// <summary>
/// Something that stopped working for someone, told to each affected owner once. The id names this occurrence, not the
/// subject: a source failing again after a success, or a target paused again after a resume, is a new incident.
/// </summary>
/// <param name="Subject">The failing source's name, or the paused target's <c>Subscriber.TargetKey</c>.</param>
/// <param name="Since">When the source started failing, or when the pause was first seen.</param>
/// <param name="Detail">The source's last error, or the pause reason (for the operator; owners see less).</param>
public sealed record Incident(string Id, IncidentKind Kind, string Subject, DateTimeOffset Since, string Detail)
{
    public static Incident SourceFailing(string source, DateTimeOffset failingSince, string? lastError) =>
        new(string.Create(CultureInfo.InvariantCulture, $"source|{source}|{failingSince.ToUnixTimeMilliseconds()}"),
            IncidentKind.SourceFailing, source, failingSince, lastError ?? "");

    /// <summary>The reason carries the time it was paused, so a later pause of the same target has another id.</summary>
    public static Incident TargetPaused(string targetKey, string reason, DateTimeOffset seen) =>
        new($"paused|{targetKey}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reason)).AsSpan(0, 8))}",
            IncidentKind.TargetPaused, targetKey, seen, reason);
}

/// <summary>One owner told of one incident (<paramref name="Failure"/> null), or found unreachable for good.</summary>
/// <param name="Recipient">The <c>Subscriber.TargetKey</c> the notice went to.</param>
public sealed record NoticeRecord(string IncidentId, string Recipient, DateTimeOffset At, string? Failure = null);
