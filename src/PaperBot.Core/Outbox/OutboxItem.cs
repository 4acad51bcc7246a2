using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Outbox;

public enum OutboxStatus { Pending, Sending, Sent, Failed }


public sealed record OutboxItem
{
    /// <summary><c>{subscriptionId}:{paperId}</c> — unique, so re-matching never adds a second item. Derived, not
    /// stored: a day at scale reads millions of items and needs few of their ids.</summary>
    public string Id => KeyOf(SubscriptionId, PaperId);

    public required string SubscriptionId { get; init; }
    public required PaperId PaperId { get; init; }

    /// <summary>The subscriber's <see cref="Subscriptions.Subscriber.TargetKey"/>: delivery is de-duplicated per target.</summary>
    public string Target { get; init; } = "";
    public IReadOnlyList<MatchHit> Why { get; init; } = [];
    public double Score { get; init; }
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public BatchRef? Batch { get; init; }

    /// <summary>When a claim expires: a <see cref="OutboxStatus.Sending"/> item past it was abandoned by a crash.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }

    public static string KeyOf(string subscriptionId, PaperId paperId) => $"{subscriptionId}:{paperId}";

    /// <summary>The delivered ledger's key: one paper reaches one target once.</summary>
    public static string DeliveredKeyOf(string target, PaperId paperId) => $"{target}|{paperId}";
}
