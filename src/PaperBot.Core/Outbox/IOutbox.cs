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

/// <summary>Open items, target by target, plus the last digest time per subscription. A target's items are built when
/// it is asked for: when a day's digests fall due at a million subscriptions they are ~9M items, which as objects all
/// at once kept the collector busy, while dispatch needs one target's at a time.</summary>
public sealed class OutboxSnapshot(IReadOnlyList<OutboxTarget> targets, IReadOnlyDictionary<string, DateTimeOffset> lastDigestAt)
{
    /// <summary>A snapshot of items already built (tests, benchmarks).</summary>
    public OutboxSnapshot(IReadOnlyList<OutboxItem> open, IReadOnlyDictionary<string, DateTimeOffset> lastDigestAt)
        : this([.. open.GroupBy(i => i.Target, StringComparer.Ordinal).Select(OutboxTarget.Of)], lastDigestAt)
    {
    }

    public IReadOnlyList<OutboxTarget> Targets => targets;
    public IReadOnlyDictionary<string, DateTimeOffset> LastDigestAt => lastDigestAt;

    /// <summary>Every open item at once, target by target.</summary>
    public IReadOnlyList<OutboxItem> Open => [.. targets.SelectMany(t => t.Items())];
}

/// <summary>One target's open items, built each time they are asked for, and the subscriptions they belong to
/// (known without building them).</summary>
public sealed class OutboxTarget(string target, IEnumerable<string> subscriptionIds, Func<IReadOnlyList<OutboxItem>> items)
{
    public string Target => target;
    public IEnumerable<string> SubscriptionIds => subscriptionIds;
    public IReadOnlyList<OutboxItem> Items() => items();

    public static OutboxTarget Of(IGrouping<string, OutboxItem> items)
    {
        var list = items.ToList();
        return new OutboxTarget(items.Key, list.Select(i => i.SubscriptionId).Distinct(StringComparer.Ordinal), () => list);
    }
}
