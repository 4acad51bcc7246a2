using LiteDB;
using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>
/// The delivery ledger. Items are keyed by (subscription, paper) and carry their target, but are stored as runs: one
/// document per subscription and enqueue (see <see cref="OutboxRun"/>), inserted in bulk, keyed by target (see
/// <see cref="RunIds"/>) and indexed by when they are next due. A second collection records each (target, paper)
/// delivered, so neither re-matching nor a second subscription of the same target sends a paper twice; a run leaves
/// once all its items were delivered.
/// Every state change is one transaction (see <see cref="WriteTransaction"/>).
/// </summary>
public sealed partial class LiteDbOutbox(LiteDbContext context, TimeProvider time) : IOutbox
{
    /// <summary>Below this many keys, look each up; above it (and a quarter of the collection), read the collection once.</summary>
    private const int LookupsBeforeScan = 1_000;

    // The lower bound of due reads: DueAt holds only dates, all after this; a range from it skips runs with nothing open.
    private static readonly BsonValue NoEarlier = Date(DateTimeOffset.UnixEpoch);

    private static readonly BsonExpression TargetField = BsonExpression.Create("{ Target }");

    public IReadOnlyList<OutboxItem> Pending(int max) =>
        OpenRuns().SelectMany(r => r.Items)
            .Where(i => i.Status == OutboxStatus.Pending)
            .OrderBy(i => i.CreatedAt)
            .Take(max)
            .ToList();

    public TargetBacklog SinceLastDelivery(string target, int max)
    {
        var items = Runs(target).SelectMany(r => r.Items).Where(i => i.Status != OutboxStatus.Sent).ToList();
        var live = items.Select(i => i.SubscriptionId).Distinct(StringComparer.Ordinal)
            .Where(id => context.Subscriptions.FindById(id) is not null)
            .ToHashSet(StringComparer.Ordinal);
        var papers = items.Where(i => live.Contains(i.SubscriptionId))
            .GroupBy(i => i.PaperId)
            .Select(g => g.MaxBy(i => i.Score)! with { Why = [.. g.SelectMany(i => i.Why).Distinct()] })
            .OrderByDescending(i => i.Score).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new TargetBacklog([.. papers.Take(max)], papers.Count);
    }

    /// <summary>The runs are read at once and kept encoded, grouped by target; a target's items are decoded each time
    /// dispatch asks for them (see <see cref="OutboxSnapshot"/>).</summary>
    public OutboxSnapshot LoadOpen(DateTimeOffset? dueBy = null)
    {
        var documents = dueBy is { } by ? DueTargets(by) : context.Outbox.Find(Query.GTE("DueAt", NoEarlier));
        var byTarget = new Dictionary<string, List<PackedRun>>(StringComparer.Ordinal);
        foreach (var run in documents.Select(PackedRun.Of))
        {
            if (!byTarget.TryGetValue(run.Target, out var runs)) byTarget[run.Target] = runs = new List<PackedRun>(1);
            runs.Add(run);
        }
        var shared = new RunReadCache();
        var targets = byTarget.Select(t => new OutboxTarget(t.Key, t.Value.Select(r => r.SubscriptionId),
            () => [.. t.Value.SelectMany(r => r.Unpack(shared).Items).Where(IsOpen)])).ToList();
        var cursors = context.DigestCursors.FindAll().ToDictionary(d => d["_id"].AsString, d => Date(d["LastDigestAt"]), StringComparer.Ordinal);
        return new OutboxSnapshot(targets, cursors);
    }

    public void MarkSending(BatchClaim claim, DateTimeOffset leaseUntil) =>
        WriteTransaction.Run(context, "a batch claim", () =>
        {
            var own = claim.ItemIds.ToHashSet(StringComparer.Ordinal);
            Rewrite([claim.Target], i => own.Contains(i.Id) && IsOpen(i)
                ? i with { Status = OutboxStatus.Sending, Batch = claim.Batch, LeaseUntil = leaseUntil }
                : null);
            context.OutboxClaims.Upsert(new BsonDocument { ["_id"] = claim.Batch.Id, ["Target"] = claim.Target, ["LeaseUntil"] = Date(leaseUntil) });
        });

    public void MarkSent(BatchClaim claim, DateTimeOffset at) =>
        WriteTransaction.Run(context, "a delivered batch", () =>
        {
            var own = claim.ItemIds.ToHashSet(StringComparer.Ordinal);
            var papers = claim.Papers.ToHashSet();
            // The target's other subscriptions matched the same papers: they reached them with this batch.
            Rewrite([claim.Target], i => IsOpen(i) && (own.Contains(i.Id) || papers.Contains(i.PaperId))
                ? i with { Status = OutboxStatus.Sent, SentAt = at, LeaseUntil = null }
                : null);
            context.Delivered.Upsert(claim.Papers.Select(paper => new BsonDocument
            {
                ["_id"] = OutboxItem.DeliveredKeyOf(claim.Target, paper), ["Target"] = claim.Target, ["PaperId"] = paper.Value,
                ["BatchId"] = claim.Batch.Id, ["At"] = Date(at),
            }));
            context.OutboxClaims.Delete(claim.Batch.Id);
            if (claim.Batch.Kind == BatchKind.Digest) SetDigestCursor(claim.Batch.SubscriptionId, at);
        });

    public void MarkRetry(BatchClaim claim, DateTimeOffset nextAttemptAt, string reason) =>
        Settle(claim, "a retry", i => i with
        {
            Status = OutboxStatus.Pending, Attempts = i.Attempts + 1, NextAttemptAt = nextAttemptAt, LastError = reason, LeaseUntil = null,
        });

    public void MarkFailed(BatchClaim claim, string reason) =>
        Settle(claim, "a failed batch", i => i with { Status = OutboxStatus.Failed, Attempts = i.Attempts + 1, LastError = reason, LeaseUntil = null });

    public int Requeue(IReadOnlyCollection<string> subscriptionIds, DateTimeOffset at) =>
        WriteTransaction.Run(context, "requeued items", () =>
        {
            var ids = subscriptionIds.ToHashSet(StringComparer.Ordinal);
            var targets = Lookup(context.Subscriptions, ids).Values.Select(d => d["Target"].AsString);
            return Rewrite(targets, i => i.Status == OutboxStatus.Failed && ids.Contains(i.SubscriptionId)
                ? i with { Status = OutboxStatus.Pending, NextAttemptAt = at, Batch = null }
                : null);
        });

    public void Reschedule(Subscription subscription) =>
        WriteTransaction.Run(context, "a new schedule", () =>
        {
            var cursor = context.DigestCursors.FindById(subscription.Id);
            DateTimeOffset? slot = subscription.Mode == DeliveryMode.Instant ? null
                : DigestSchedule.NextDue(subscription, cursor is null ? subscription.CreatedAt : Date(cursor["LastDigestAt"]));
            foreach (var run in Runs(subscription.Subscriber.TargetKey).Where(r => r.SubscriptionId == subscription.Id && r.Slot != slot).ToList())
                context.Outbox.Update(run.WithSlot(slot).ToDocument());
        });

    public void Discard(IReadOnlyList<OutboxItem> items, string reason) =>
        WriteTransaction.Run(context, "discarded items", () =>
        {
            var ids = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            Rewrite(items.Select(i => i.Target), i => ids.Contains(i.Id) && IsOpen(i)
                ? i with { Status = OutboxStatus.Failed, LastError = reason, LeaseUntil = null }
                : null);
        });

    public void RecordDigest(string subscriptionId, DateTimeOffset at) =>
        WriteTransaction.Run(context, "a digest time", () => SetDigestCursor(subscriptionId, at));

    public int ReleaseInFlight(DateTimeOffset expiredBy) =>
        WriteTransaction.Run(context, "released claims", () =>
        {
            var stale = context.OutboxClaims.FindAll().Where(c => Date(c["LeaseUntil"]) <= expiredBy).ToList();
            var released = Rewrite(stale.Select(c => c["Target"].AsString), i =>
                i.Status == OutboxStatus.Sending && (i.LeaseUntil is not { } lease || lease <= expiredBy)
                    ? i with { Status = OutboxStatus.Pending, LeaseUntil = null }
                    : null);
            foreach (var c in stale) context.OutboxClaims.Delete(c["_id"]);
            return released;
        });

    /// <summary>A claim ended without delivery: its items change, and it is no longer in flight.</summary>
    private void Settle(BatchClaim claim, string what, Func<OutboxItem, OutboxItem> change) =>
        WriteTransaction.Run(context, what, () =>
        {
            var own = claim.ItemIds.ToHashSet(StringComparer.Ordinal);
            Rewrite([claim.Target], i => own.Contains(i.Id) && IsOpen(i) ? change(i) : null);
            context.OutboxClaims.Delete(claim.Batch.Id);
        });

    /// <summary>Applies <paramref name="change"/> (null: unchanged) to every item of the targets, writes back the runs
    /// that changed, drops the ones fully delivered, and keeps the counters in step. Returns how many items changed.</summary>
    private int Rewrite(IEnumerable<string> targets, Func<OutboxItem, OutboxItem?> change)
    {
        var changed = 0;
        var delta = default(Tally);
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            foreach (var run in Runs(target).ToList())
            {
                var before = Tally.Of(run.Items);
                var touched = false;
                for (var k = 0; k < run.Items.Count; k++)
                {
                    if (change(run.Items[k]) is not { } updated) continue;
                    run.Items[k] = updated;
                    touched = true;
                    changed++;
                }
                if (!touched) continue;
                delta += Tally.Of(run.Items) - before;
                if (run.Settled) context.Outbox.Delete(run.Id);
                else context.Outbox.Update(run.ToDocument());
            }
        }
        OutboxCounts.Apply(context.OutboxCounts, delta);
        return changed;
    }

    /// <summary>Every run of one target, whatever its state (found by the range of ids its hash gives, then compared exactly).</summary>
    private IEnumerable<OutboxRun> Runs(string target)
    {
        var shared = new RunReadCache();
        return RunDocuments(target).Select(d => OutboxRun.FromDocument(d, shared));
    }

    private IEnumerable<BsonDocument> RunDocuments(string target) =>
        context.Outbox.Find(RunIds.RangeOf(target)).Where(d => d["Target"].AsString == target);

    /// <summary>The runs of every target with anything due: such a target is read whole, as its claimed batches and
    /// waiting papers decide what it may send. Few targets are looked up one by one (each lookup is a LiteDB query,
    /// about a millisecond); many (a digest slot) in one read of the open runs.</summary>
    private IEnumerable<BsonDocument> DueTargets(DateTimeOffset by)
    {
        // Only the target is decoded of each due run: at a digest slot that is most of the outbox.
        var targets = context.Outbox.Query().Where(Query.Between("DueAt", NoEarlier, Date(by))).Select(TargetField).ToDocuments()
            .Select(d => d["Target"].AsString).ToHashSet(StringComparer.Ordinal);
        return targets.Count < LookupsBeforeScan
            ? targets.SelectMany(RunDocuments)
            : context.Outbox.Find(Query.GTE("DueAt", NoEarlier)).Where(d => targets.Contains(d["Target"].AsString));
    }

    private IEnumerable<OutboxRun> OpenRuns(RunReadCache? shared = null)
    {
        shared ??= new RunReadCache();
        return context.Outbox.Find(Query.GTE("DueAt", NoEarlier)).Select(d => OutboxRun.FromDocument(d, shared));
    }

    /// <summary>The documents with these ids (subscriptions, or digest cursors: at most one per subscription), whole or
    /// only <paramref name="fields"/>: looked up one by one when few, else found in one read of the collection (a lookup
    /// costs about 18 µs, reading a document in a scan about 4).</summary>
    private Dictionary<string, BsonDocument> Lookup(ILiteCollection<BsonDocument> collection, IReadOnlyCollection<string> ids, BsonExpression? fields = null)
    {
        var found = new Dictionary<string, BsonDocument>(ids.Count, StringComparer.Ordinal);
        if (ids.Count < LookupsBeforeScan || ids.Count * 4 < context.Routes.SubscriptionCount(context.Subscriptions))
        {
            foreach (var id in ids)
                if (collection.FindById(id) is { } doc) found[id] = doc;
            return found;
        }
        var wanted = ids as IReadOnlySet<string> ?? ids.ToHashSet(StringComparer.Ordinal);
        var scan = fields is null ? collection.FindAll() : collection.Query().Select(fields).ToDocuments();
        foreach (var doc in scan)
        {
            var id = doc["_id"].AsString;
            if (wanted.Contains(id)) found[id] = doc;
        }
        return found;
    }

    private static bool IsOpen(OutboxItem item) => item.Status is OutboxStatus.Pending or OutboxStatus.Sending;

    private void SetDigestCursor(string subscriptionId, DateTimeOffset at) =>
        context.DigestCursors.Upsert(new BsonDocument { ["_id"] = subscriptionId, ["LastDigestAt"] = Date(at) });
}
