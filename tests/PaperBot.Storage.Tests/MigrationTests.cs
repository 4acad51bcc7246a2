using LiteDB;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using MatchHit = PaperBot.Core.Queries.MatchHit;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>
/// Fixtures/databases/schema-v1.litedb was written by PaperBot at f128f0d (the foundation, schema version 1) with
/// <c>paperbot demo</c>: 20 papers, two subscriptions and their delivered outbox items, in that version's shapes.
/// </summary>
public class MigrationTests
{
    [Fact]
    public void A_database_written_by_schema_version_1_is_migrated_on_open_and_keeps_every_record()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        File.Copy(FixtureFiles.PathOf("databases/schema-v1.litedb"), path);
        Assert.Equal(1, DatabaseBackup.Inspect(path).SchemaVersion);
        List<(string Subscription, string Paper, string Status)> written;
        using (var raw = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
            written = [.. raw.GetCollection("outbox").FindAll().Select(d => (d["SubscriptionId"].AsString, d["PaperId"].AsString, d["Status"].AsString))];

        using var context = LiteDbContext.Open(path);

        Assert.Equal(Schema.CurrentVersion, context.Database.UserVersion);
        var papers = new LiteDbPaperStore(context, TimeProvider.System);
        var stored = papers.Stream().ToList();
        Assert.Equal(20, stored.Count);
        Assert.All(stored, p => Assert.False(string.IsNullOrWhiteSpace(p.Title)));
        // The same papers brought again are recognised, not new: the old records read back whole.
        var again = papers.Save(stored, PaperSources.File);
        Assert.Equal(0, again.NewCount);

        var subscriptions = new LiteDbSubscriptionStore(context).All();
        Assert.Equal(["s-demo-discord", "s-demo-email"], subscriptions.Select(s => s.Id).Order(StringComparer.Ordinal));

        // Version 2 gave every outbox item its subscription's target; version 7 moved delivered items to the
        // delivered ledger under that target (version 1 had no ledger), so a re-match sends none of them again.
        var targets = subscriptions.ToDictionary(s => s.Id, s => s.Subscriber.TargetKey);
        Assert.Contains(written, i => i.Status == "Sent");
        var ledger = context.Database.GetCollection("delivered");
        Assert.All(written.Where(i => i.Status == "Sent"), i => Assert.NotNull(ledger.FindById(targets[i.Subscription] + "|" + i.Paper)));
        var outbox = new LiteDbOutbox(context, TimeProvider.System);
        Assert.Equal(0, outbox.Enqueue([.. written.Where(i => i.Status == "Sent").Select(i => new PaperMatch(i.Subscription, PaperId.Parse(i.Paper), [], 1))]));
        // Version 3 indexed papers by ChangedAt.
        var indexes = context.Database.GetCollection("$indexes").Find(Query.EQ("collection", "papers")).Select(i => i["name"].AsString);
        Assert.Contains("ChangedAt", indexes);
        // Dispatch plans from the migrated items.
        Assert.All(outbox.LoadOpen().Open, i => Assert.Equal(targets[i.SubscriptionId], i.Target));
    }

    [Fact]
    public void Runs_stored_as_arrays_by_schema_9_are_converted_to_columns_and_new_ids_and_keep_every_item_and_state()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        using (LiteDbContext.Open(path)) { }
        var created = new DateTime(2026, 3, 12, 9, 0, 0, DateTimeKind.Utc);
        // A run as schemas 7 to 9 wrote it: P paper ids, S scores, W per item its reason count then indexes into Hits,
        // X the state of each item not simply pending (here the second one failed).
        using (var raw = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            raw.GetCollection("outbox").Insert(new BsonDocument
            {
                ["_id"] = ObjectId.NewObjectId(), ["SubscriptionId"] = "s-1", ["Target"] = "email:ann@example.org", ["CreatedAt"] = created,
                ["Hits"] = new BsonArray { new BsonArray { "title", "Diffusion" }, new BsonArray { "abstract", "video models" } },
                ["P"] = new BsonArray { "2603.00001", "2603.00002" },
                ["S"] = new BsonArray { 4.5, 1.0 },
                ["W"] = new BsonArray { 2, 0, 1, 1, 1 },
                ["X"] = new BsonArray { new BsonDocument { ["I"] = 1, ["St"] = "Failed", ["A"] = 1, ["E"] = "mailbox full" } },
                ["DueAt"] = created,
            });
            raw.UserVersion = 9;
        }

        using var context = LiteDbContext.Open(path);

        Assert.Equal(Schema.CurrentVersion, context.Database.UserVersion);
        var run = Assert.Single(context.Database.GetCollection("outbox").FindAll());
        Assert.True(run["R"].IsBinary);
        Assert.All(new[] { "Hits", "P", "S", "W" }, column => Assert.True(run[column].IsNull));
        var indexes = context.Database.GetCollection("$indexes").Find(Query.EQ("collection", "outbox")).Select(i => i["name"].AsString).ToList();
        Assert.DoesNotContain("TargetHash", indexes);
        Assert.DoesNotContain("Target", indexes);
        Assert.False(run.ContainsKey("TargetHash"));
        // Schema 12: the run's id begins with its target's hash, so the target's runs are a range of the primary key.
        Assert.Equal(Mapping.OutboxRun.TargetHash("email:ann@example.org"), (int)(run["_id"].AsInt64 >> 32));
        new LiteDbSubscriptionStore(context).Add(new Subscription
        {
            Id = "s-1", Subscriber = Subscriber.Email("ann@example.org"), Query = "diffusion", Confirmed = true, CreatedAt = created,
        });
        var outbox = new LiteDbOutbox(context, TimeProvider.System);
        var open = Assert.Single(outbox.LoadOpen().Open);
        Assert.Equal("s-1:2603.00001", open.Id);
        Assert.Equal([new MatchHit("title", "Diffusion"), new MatchHit("abstract", "video models")], open.Why);
        Assert.Equal(4.5, open.Score);
        var failed = outbox.SinceLastDelivery("email:ann@example.org", 10).Items.Single(i => i.Status == OutboxStatus.Failed);
        Assert.Equal(("2603.00002", "mailbox full", 1), (failed.PaperId.Value, failed.LastError, failed.Attempts));
        Assert.Equal([new MatchHit("abstract", "video models")], failed.Why);
        Assert.Equal(1, outbox.Requeue(["s-1"], DateTimeOffset.UtcNow));
        Assert.Equal(2, outbox.LoadOpen().Open.Count);
        // The migration kept the id sequence: a new run of the same target gets an id of its own.
        Assert.Equal(1, outbox.Enqueue([new PaperMatch("s-1", PaperId.Parse("2603.00003"), [], 1)]));
        Assert.Equal(3, outbox.SinceLastDelivery("email:ann@example.org", 10).Total);
    }
}
