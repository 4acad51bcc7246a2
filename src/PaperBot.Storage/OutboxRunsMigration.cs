using LiteDB;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>
/// Schema 7: the outbox moves from one document per (subscription, paper) to runs (<see cref="OutboxRun"/>). Open and
/// failed items become runs, grouped by subscription and creation time, keeping their state and batch; in-flight
/// claims are recorded so a restart re-sends them; delivered items go to the delivered ledger (version 1 files had
/// none) and leave the outbox; every paper seen so far is marked, so a re-match checks for an earlier item.
/// Safe to run again: only documents in the old shape (a top-level PaperId) are converted.
/// </summary>
internal static class OutboxRunsMigration
{
    public static void Apply(LiteDatabase db)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        outbox.EnsureIndex("Target", "$.Target");
        outbox.EnsureIndex("DueAt", "$.DueAt");

        MigrationTransaction.Run(db, "converting the outbox to runs", () => ToRuns(db, outbox));

        foreach (var unread in new[] { "Status", "SubscriptionId", "TargetPaper" }) outbox.DropIndex(unread);
    }

    private static void ToRuns(LiteDatabase db, ILiteCollection<BsonDocument> outbox)
    {
        var old = outbox.FindAll().Where(d => d["PaperId"].IsString).ToList();
        var delivered = db.GetCollection(Collections.Delivered);
        var papers = db.GetCollection(Collections.OutboxPapers);
        var claims = db.GetCollection(Collections.OutboxClaims);
        var items = old.Select(ItemOf).ToList();

        foreach (var paper in items.Select(i => i.PaperId.Value).Concat(delivered.FindAll().Select(d => d["PaperId"].AsString)).Distinct(StringComparer.Ordinal))
            papers.Upsert(new BsonDocument { ["_id"] = paper, ["At"] = Date(DateTimeOffset.UnixEpoch) });
        foreach (var sent in items.Where(i => i.Status == OutboxStatus.Sent))
        {
            var key = OutboxItem.DeliveredKeyOf(sent.Target, sent.PaperId);
            if (delivered.FindById(key) is not null) continue;
            delivered.Insert(new BsonDocument
            {
                ["_id"] = key, ["Target"] = sent.Target, ["PaperId"] = sent.PaperId.Value, ["BatchId"] = sent.Batch?.Id ?? "",
                ["At"] = Date(sent.SentAt ?? sent.CreatedAt),
            });
        }
        foreach (var claim in items.Where(i => i.Status == OutboxStatus.Sending && i.Batch is not null).GroupBy(i => i.Batch!.Id))
        {
            claims.Upsert(new BsonDocument
            {
                ["_id"] = claim.Key, ["Target"] = claim.First().Target, ["LeaseUntil"] = Date(claim.Min(i => i.LeaseUntil ?? DateTimeOffset.UnixEpoch)),
            });
        }
        var ids = RunIds.Open(db.GetCollection(Collections.Settings));
        foreach (var run in items.Where(i => i.Status != OutboxStatus.Sent).GroupBy(i => (i.Target, i.SubscriptionId, i.CreatedAt)))
        {
            outbox.Insert(new OutboxRun
            {
                Id = ids.Next(run.Key.Target), SubscriptionId = run.Key.SubscriptionId, Target = run.Key.Target, CreatedAt = run.Key.CreatedAt, Items = [.. run],
            }.ToDocument());
        }
        ids.Save();
        foreach (var doc in old) outbox.Delete(doc["_id"]);

        var shared = new RunReadCache();
        var counts = Tally.Of(outbox.FindAll().Select(d => OutboxRun.FromDocument(d, shared)).SelectMany(r => r.Items));
        db.GetCollection(Collections.OutboxCounts).DeleteAll();
        OutboxCounts.Apply(db.GetCollection(Collections.OutboxCounts), counts);
    }

    /// <summary>An item in the shape schemas 1–6 wrote.</summary>
    private static OutboxItem ItemOf(BsonDocument d)
    {
        var b = d["Batch"];
        return new OutboxItem
        {
            SubscriptionId = d["SubscriptionId"].AsString,
            PaperId = PaperId.Parse(d["PaperId"].AsString),
            Target = d["Target"].IsString ? d["Target"].AsString : "",
            Why = [.. d["Why"].AsArray.Select(w => new MatchHit(w["Field"].AsString, w["Text"].AsString))],
            Score = d["Score"].AsDouble,
            Status = Enum.Parse<OutboxStatus>(d["Status"].AsString),
            Attempts = d["Attempts"].AsInt32,
            CreatedAt = Date(d["CreatedAt"]),
            NextAttemptAt = NullableDate(d["NextAttemptAt"]) ?? Date(d["CreatedAt"]),
            Batch = b.IsDocument ? new BatchRef(b["Id"].AsString, b["SubscriptionId"].AsString, Enum.Parse<BatchKind>(b["Kind"].AsString)) : null,
            LeaseUntil = NullableDate(d["LeaseUntil"]),
            SentAt = NullableDate(d["SentAt"]),
            LastError = NullableString(d["LastError"]),
        };
    }
}
