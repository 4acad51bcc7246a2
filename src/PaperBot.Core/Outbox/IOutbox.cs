using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Outbox;

/// <summary>
/// The delivery ledger: one item per (subscription, paper), written by matching in bulk, claimed and marked by dispatch.
/// Synchronous on purpose: every call is one short LiteDB transaction on the caller's thread, never across an await.
/// </summary>
public interface IOutbox : IAlertQueue
{
    /// <summary>Items not yet delivered, oldest first.</summary>
    IReadOnlyList<OutboxItem> Pending(int max);

    /// <summary>What <paramref name="target"/> has matched since its last delivery (Discord <c>/digest</c>): its items
    /// not yet sent — pending, being sent, or failed while its subscriptions are paused — one per paper with every
    /// reason, best first, at most <paramref name="max"/>; items of removed subscriptions are left out.</summary>
    TargetBacklog SinceLastDelivery(string target, int max);

    /// <summary>Everything dispatch plans from: open items (pending or sending) and each digest's last delivery. With
    /// <paramref name="dueBy"/>, only the items of targets with something due by then (an instant alert, a retry, a
    /// digest slot or an expired claim), each such target whole; without, every open item.</summary>
    OutboxSnapshot LoadOpen(DateTimeOffset? dueBy = null);

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

    /// <summary>The subscription's delivery schedule changed: its waiting items follow the new one (now, for a
    /// subscription made instant), not the digest time they were queued for.</summary>
    void Reschedule(Subscription subscription);

    /// <summary>Closes open items nobody will receive (their subscription was removed), so the open set stays small.</summary>
    void Discard(IReadOnlyList<OutboxItem> items, string reason);

    /// <summary>A digest slot passed with nothing to send: the next digest starts from here.</summary>
    void RecordDigest(string subscriptionId, DateTimeOffset at);

    /// <summary>Items left in <see cref="OutboxStatus.Sending"/> by a crash (lease expired by <paramref name="expiredBy"/>)
    /// go back to pending, keeping their batch; returns how many.</summary>
    int ReleaseInFlight(DateTimeOffset expiredBy);
}

/// <summary>Open items plus the last digest time per subscription.</summary>
public sealed record OutboxSnapshot(IReadOnlyList<OutboxItem> Open, IReadOnlyDictionary<string, DateTimeOffset> LastDigestAt);
