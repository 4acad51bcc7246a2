using LiteDB;
using PaperBot.Core.Delivery;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>
/// The delivery ledger. Items are keyed by (subscription, paper) and carry their target; a second collection records
/// each (target, paper) delivered, so neither re-matching nor a second subscription of the same target sends a paper
/// twice. Every state change is one transaction (see <see cref="WriteTransaction"/>).
/// </summary>
public sealed class LiteDbOutbox(LiteDbContext context, TimeProvider time) : IOutbox
{
    private static readonly BsonValue[] OpenStatuses = [OutboxStatus.Pending.ToString(), OutboxStatus.Sending.ToString()];

    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        if (matches.Count == 0) return 0;
        var now = time.GetUtcNow();
        return WriteTransaction.Run(context, $"{matches.Count} outbox items", () =>
        {
            var targets = new Dictionary<string, string?>(StringComparer.Ordinal);
            var fresh = new List<BsonDocument>();
            foreach (var g in matches.GroupBy(m => OutboxItem.KeyOf(m.SubscriptionId, m.PaperId)))
            {
                var first = g.First();
                if (context.Outbox.FindById(g.Key) is not null) continue;
                if (!targets.TryGetValue(first.SubscriptionId, out var target))
                    targets[first.SubscriptionId] = target = context.Subscriptions.FindById(first.SubscriptionId)?["Target"].AsString;
                if (target is null) continue; // removed meanwhile: nobody to deliver to
                if (context.Delivered.FindById(OutboxItem.DeliveredKeyOf(target, first.PaperId)) is not null) continue;
                fresh.Add(OutboxMapping.ToDocument(new OutboxItem
                {
                    Id = g.Key,
                    SubscriptionId = first.SubscriptionId,
                    PaperId = first.PaperId,
                    Target = target,
                    Why = g.SelectMany(m => m.Why).Distinct().ToArray(),
                    Score = g.Max(m => m.Score),
                    CreatedAt = now,
                    NextAttemptAt = now,
                }));
            }
            if (fresh.Count > 0) context.Outbox.InsertBulk(fresh);
            return fresh.Count;
        });
    }

    public IReadOnlyList<OutboxItem> Pending(int max) =>
        context.Outbox.Query()
            .Where("$.Status = @0", OutboxStatus.Pending.ToString())
            .OrderBy("$.CreatedAt")
            .Limit(max)
            .ToEnumerable()
            .Select(OutboxMapping.ToItem)
            .ToList();

    public OutboxSnapshot LoadOpen()
    {
        var open = context.Outbox.Find(Query.In("Status", OpenStatuses)).Select(OutboxMapping.ToItem).ToList();
        var cursors = context.DigestCursors.FindAll().ToDictionary(d => d["_id"].AsString, d => Date(d["LastDigestAt"]), StringComparer.Ordinal);
        return new OutboxSnapshot(open, cursors);
    }

    public void MarkSending(BatchClaim claim, DateTimeOffset leaseUntil) =>
        Update(claim, "a batch claim", doc =>
        {
            doc["Status"] = OutboxStatus.Sending.ToString();
            OutboxMapping.SetBatch(doc, claim.Batch);
            doc["LeaseUntil"] = Date(leaseUntil);
        });

    public void MarkSent(BatchClaim claim, DateTimeOffset at) =>
        WriteTransaction.Run(context, "a delivered batch", () =>
        {
            var own = claim.ItemIds.ToHashSet(StringComparer.Ordinal);
            UpdateItems(claim.ItemIds, doc => Sent(doc, at, null));
            foreach (var paper in claim.Papers)
            {
                var key = OutboxItem.DeliveredKeyOf(claim.Target, paper);
                context.Delivered.Upsert(new BsonDocument
                {
                    ["_id"] = key, ["Target"] = claim.Target, ["PaperId"] = paper.Value, ["BatchId"] = claim.Batch.Id, ["At"] = Date(at),
                });
                // The target's other subscriptions matched the same paper: it reached them with this batch.
                var covered = context.Outbox.Find(Query.EQ("TargetPaper", key))
                    .Where(d => IsOpen(d) && !own.Contains(d["_id"].AsString)).ToList();
                foreach (var doc in covered) Sent(doc, at, claim.Batch.Id);
                if (covered.Count > 0) context.Outbox.Update(covered);
            }
            if (claim.Batch.Kind == BatchKind.Digest) SetDigestCursor(claim.Batch.SubscriptionId, at);
        });

    public void MarkRetry(BatchClaim claim, DateTimeOffset nextAttemptAt, string reason) =>
        Update(claim, "a retry", doc =>
        {
            doc["Status"] = OutboxStatus.Pending.ToString();
            doc["Attempts"] = doc["Attempts"].AsInt32 + 1;
            doc["NextAttemptAt"] = Date(nextAttemptAt);
            doc["LastError"] = reason;
            doc.Remove("LeaseUntil");
        });

    public void MarkFailed(BatchClaim claim, string reason) =>
        Update(claim, "a failed batch", doc =>
        {
            doc["Status"] = OutboxStatus.Failed.ToString();
            doc["Attempts"] = doc["Attempts"].AsInt32 + 1;
            doc["LastError"] = reason;
            doc.Remove("LeaseUntil");
        });

    public int Requeue(IReadOnlyCollection<string> subscriptionIds, DateTimeOffset at) =>
        WriteTransaction.Run(context, "requeued items", () =>
        {
            var failed = context.Outbox.Find(Query.In("SubscriptionId", subscriptionIds.Select(id => new BsonValue(id))))
                .Where(d => d["Status"].AsString == nameof(OutboxStatus.Failed))
                .ToList();
            foreach (var doc in failed)
            {
                doc["Status"] = OutboxStatus.Pending.ToString();
                doc["NextAttemptAt"] = Date(at);
                doc.Remove("Batch");
            }
            if (failed.Count > 0) context.Outbox.Update(failed);
            return failed.Count;
        });

    public void Discard(IReadOnlyList<string> itemIds, string reason) =>
        WriteTransaction.Run(context, "discarded items", () => UpdateItems(itemIds, doc =>
        {
            doc["Status"] = OutboxStatus.Failed.ToString();
            doc["LastError"] = reason;
            doc.Remove("LeaseUntil");
        }));

    public void RecordDigest(string subscriptionId, DateTimeOffset at) =>
        WriteTransaction.Run(context, "a digest time", () => SetDigestCursor(subscriptionId, at));

    public int ReleaseInFlight(DateTimeOffset expiredBy) =>
        WriteTransaction.Run(context, "released claims", () =>
        {
            var stale = context.Outbox.Find(Query.EQ("Status", OutboxStatus.Sending.ToString()))
                .Where(d => NullableDate(d["LeaseUntil"]) is not { } lease || lease <= expiredBy)
                .ToList();
            foreach (var doc in stale)
            {
                doc["Status"] = OutboxStatus.Pending.ToString();
                doc.Remove("LeaseUntil");
            }
            if (stale.Count > 0) context.Outbox.Update(stale);
            return stale.Count;
        });

    private void Update(BatchClaim claim, string what, Action<BsonDocument> change) =>
        WriteTransaction.Run(context, what, () => UpdateItems(claim.ItemIds, change));

    private void UpdateItems(IReadOnlyList<string> ids, Action<BsonDocument> change)
    {
        var docs = ids.Select(id => context.Outbox.FindById(id)).OfType<BsonDocument>().Where(IsOpen).ToList();
        foreach (var doc in docs) change(doc);
        if (docs.Count > 0) context.Outbox.Update(docs);
    }

    private static bool IsOpen(BsonDocument doc) => doc["Status"].AsString is nameof(OutboxStatus.Pending) or nameof(OutboxStatus.Sending);

    private static void Sent(BsonDocument doc, DateTimeOffset at, string? coveredBy)
    {
        doc["Status"] = OutboxStatus.Sent.ToString();
        doc["SentAt"] = Date(at);
        doc.Remove("LeaseUntil");
        if (coveredBy is not null) doc["CoveredBy"] = coveredBy;
    }

    private void SetDigestCursor(string subscriptionId, DateTimeOffset at) =>
        context.DigestCursors.Upsert(new BsonDocument { ["_id"] = subscriptionId, ["LastDigestAt"] = Date(at) });
}
