using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>One paper in an alert or digest, with why it matched.</summary>
public sealed record DigestEntry(Paper Paper, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>What one subscriber receives in one delivery: the best entries first, and how many were left out.</summary>
public sealed record Digest(Subscription Subscription, IReadOnlyList<DigestEntry> Entries, int MoreCount, DateTimeOffset CreatedAt)
{
    /// <summary>Builds a digest from matched entries: best score first, newest next, capped.</summary>
    public static Digest Create(Subscription subscription, IEnumerable<DigestEntry> entries, int maxItems, DateTimeOffset now)
    {
        var ordered = entries
            .OrderByDescending(e => e.Score)
            .ThenByDescending(e => e.Paper.PublishedAt ?? e.Paper.FirstSeenAt)
            .ThenBy(e => e.Paper.Id.Value, StringComparer.Ordinal)
            .ToList();
        return new Digest(subscription, ordered.Take(maxItems).ToList(), Math.Max(0, ordered.Count - maxItems), now);
    }
}
