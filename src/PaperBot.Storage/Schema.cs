using LiteDB;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

/// <summary>
/// Schema versions, kept in the file's <c>UserVersion</c>. Each migration moves the file one version up and runs
/// once; add a new one at the end, never edit an old one.
/// </summary>
internal static class Schema
{
    private static readonly Action<LiteDatabase>[] Migrations =
    [
        // 1: collections and indexes of the foundation.
        db =>
        {
            var papers = db.GetCollection(Collections.Papers);
            papers.EnsureIndex("SortDate", "$.SortDate");
            papers.EnsureIndex("FirstSeenAt", "$.FirstSeenAt");
            papers.EnsureIndex("Sources", "$.Sources[*].Source");

            var subscriptions = db.GetCollection(Collections.Subscriptions);
            subscriptions.EnsureIndex("Target", "$.Target");

            var outbox = db.GetCollection(Collections.Outbox);
            outbox.EnsureIndex("Status", "$.Status");
            outbox.EnsureIndex("SubscriptionId", "$.SubscriptionId");
            outbox.EnsureIndex("CreatedAt", "$.CreatedAt");
        },
        // 2: durable delivery — items know their target (de-duplication per target, per-target ledger) and batch.
        db =>
        {
            var outbox = db.GetCollection(Collections.Outbox);
            var subscriptions = db.GetCollection(Collections.Subscriptions);
            foreach (var doc in outbox.FindAll().Where(d => !d["Target"].IsString).ToList())
            {
                var target = subscriptions.FindById(doc["SubscriptionId"])?["Target"].AsString ?? "";
                doc["Target"] = target;
                doc["TargetPaper"] = target + "|" + doc["PaperId"].AsString;
                doc["NextAttemptAt"] = doc["CreatedAt"];
                outbox.Update(doc);
            }
            outbox.EnsureIndex("Target", "$.Target");
            outbox.EnsureIndex("TargetPaper", "$.TargetPaper");
            db.GetCollection(Collections.Delivered).EnsureIndex("Target", "$.Target");
            db.GetCollection(Collections.DigestCursors);
        },
        // 3: papers know when they last changed, so derived data can replay updates, not only new papers.
        db => db.GetCollection(Collections.Papers).EnsureIndex("ChangedAt", "$.ChangedAt"),
        // 4: addresses that refused mail for good (SMTP 5xx), keyed by the lower-cased address; newest first for listing.
        db => db.GetCollection(Collections.Suppressions).EnsureIndex("At", "$.At"),
        // 5: small named values kept between runs (the registered slash commands' hash), keyed by name.
        db => db.GetCollection(Collections.Settings).EnsureIndex("_id", unique: true),
        // 6: the outbox's CreatedAt and Target indexes had no reader and cost every outbox write (a day at scale
        // writes about nine items per subscription).
        db =>
        {
            var outbox = db.GetCollection(Collections.Outbox);
            outbox.DropIndex("CreatedAt");
            outbox.DropIndex("Target");
        },
        // 7: the outbox stores runs, one document per subscription and enqueue, indexed by target and due time: a day
        // at scale is tens of thousands of documents, not millions, and dispatch reads only what is due.
        OutboxRunsMigration.Apply,
        // 8: open incidents (a source failing too long, a paused target) and who was told of each, so no one is told twice.
        db =>
        {
            db.GetCollection(Collections.Incidents).EnsureIndex("_id", unique: true);
            db.GetCollection(Collections.IncidentNotices).EnsureIndex("IncidentId", "$.IncidentId");
        },
        // 9: /unsubscribe's autocomplete finds the caller's subscriptions by who created them, not by reading them all.
        db => db.GetCollection(Collections.Subscriptions).EnsureIndex("CreatedBy", "$.CreatedBy"),
        // 10: a run's papers, scores and reasons are one binary value, not a BSON value each (a day at scale writes and
        // reads back millions of them), and runs are indexed by a hash of their target, not the string.
        OutboxColumnsMigration.Apply,
        // 11: /healthz, /status and the minute's incident pass count and list paused and unconfirmed subscriptions
        // through indexes; at a million subscriptions, reading them all took seconds each time.
        db =>
        {
            var subscriptions = db.GetCollection(Collections.Subscriptions);
            subscriptions.EnsureIndex("PausedReason", "$.PausedReason");
            subscriptions.EnsureIndex("Confirmed", "$.Confirmed");
        },
        // 12: a run's id holds its target's hash, so a target's runs are a range of the primary key and the day's
        // inserts maintain one index fewer.
        OutboxRunIdsMigration.Apply,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(LiteDatabase db, string path)
    {
        var version = db.UserVersion;
        if (version > CurrentVersion)
            throw new StorageException($"the database {path} has schema version {version}, newer than this PaperBot understands ({CurrentVersion}). Upgrade PaperBot.");

        for (var v = version; v < CurrentVersion; v++)
        {
            Migrations[v](db);
            db.UserVersion = v + 1;
        }
    }
}
