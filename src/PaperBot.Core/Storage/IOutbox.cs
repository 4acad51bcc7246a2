using PaperBot.Core.Delivery;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>
/// The delivery ledger: one item per (subscription, paper), written by matching, claimed and marked by dispatch.
/// Synchronous on purpose: every call is one short LiteDB transaction on the caller's thread, never across an await.
/// </summary>
public interface IOutbox : IAlertQueue
{
    /// <summary>Items not yet delivered, oldest first.</summary>
    IReadOnlyList<OutboxItem> Pending(int max);

    /// <summary>Everything dispatch plans from: open items (pending or sending) and each digest's last delivery.</summary>
    OutboxSnapshot LoadOpen();

    /// <summary>Claims a batch before it is sent: its items become <see cref="OutboxStatus.Sending"/> under the
    /// batch's id, so a crash re-sends exactly this batch with the same idempotency key.</summary>
    void MarkSending(BatchClaim claim, DateTimeOffset leaseUntil);

    /// <summary>The batch arrived: its items, and any other open item of the same target and paper, become sent;
    /// the delivered ledger records (target, paper); a digest records its delivery time.</summary>
    void MarkSent(BatchClaim claim, DateTimeOffset at);

    /// <summary>A transient failure: the batch keeps its id and waits until <paramref name="nextAttemptAt"/>.</summary>
    void MarkRetry(BatchClaim claim, DateTimeOffset nextAttemptAt, string reason);

    /// <summary>A permanent failure: the items are failed with the reason (the caller pauses the subscriptions).</summary>
    void MarkFailed(BatchClaim claim, string reason);

    /// <summary>These subscriptions work again: their failed items become pending, due at <paramref name="at"/>,
    /// to be planned into new batches. Returns how many.</summary>
    int Requeue(IReadOnlyCollection<string> subscriptionIds, DateTimeOffset at);

    /// <summary>Closes open items nobody will receive (their subscription was removed), so the open set stays small.</summary>
    void Discard(IReadOnlyList<string> itemIds, string reason);

    /// <summary>A digest slot passed with nothing to send: the next digest starts from here.</summary>
    void RecordDigest(string subscriptionId, DateTimeOffset at);

    /// <summary>Items left in <see cref="OutboxStatus.Sending"/> by a crash (lease expired by <paramref name="expiredBy"/>)
    /// go back to pending, keeping their batch; returns how many.</summary>
    int ReleaseInFlight(DateTimeOffset expiredBy);
}

public enum OutboxStatus { Pending, Sending, Sent, Failed }

/// <summary>The batch an item was claimed for: fixed once claimed, so every retry is the same message.</summary>
public sealed record BatchRef(string Id, string SubscriptionId, BatchKind Kind);

/// <summary>A batch as the store sees it: who it goes to and which items it settles.</summary>
public sealed record BatchClaim(BatchRef Batch, string Target, IReadOnlyList<string> ItemIds, IReadOnlyList<PaperId> Papers);

/// <summary>Open items plus the last digest time per subscription.</summary>
public sealed record OutboxSnapshot(IReadOnlyList<OutboxItem> Open, IReadOnlyDictionary<string, DateTimeOffset> LastDigestAt);

public sealed record OutboxItem
{
    /// <summary><c>{subscriptionId}:{paperId}</c> — unique, so re-matching never adds a second item.</summary>
    public required string Id { get; init; }
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
