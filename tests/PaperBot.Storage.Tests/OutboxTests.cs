using LiteDB;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class OutboxTests
{
    private static readonly PaperId Paper = PaperId.Parse("2503.00001");
    private static readonly Subscriber Ann = Subscriber.Email("Ann@Example.org");

    private static Subscription Subscribe(TestDatabase db, string id, Subscriber? who = null)
    {
        var s = new Subscription { Id = id, Subscriber = who ?? Ann, Query = "q", Confirmed = true, CreatedAt = db.Time.GetUtcNow() };
        db.Subscriptions.Add(s);
        return s;
    }

    private static BatchClaim Claim(string subscriptionId, params OutboxItem[] items) =>
        new(new BatchRef("b-1", subscriptionId, BatchKind.Alert), items[0].Target, items.Select(i => i.Id).ToList(), items.Select(i => i.PaperId).Distinct().ToList());

    [Fact]
    public void The_same_match_enqueued_twice_is_one_outbox_item_with_all_reasons_and_its_target()
    {
        using var db = new TestDatabase();
        Subscribe(db, "s-1");
        var a = new PaperMatch("s-1", Paper, [new MatchHit("title", "diffusion")], 2);
        var b = new PaperMatch("s-1", Paper, [new MatchHit("abstract", "video")], 1);

        Assert.Equal(1, db.Outbox.Enqueue([a, b]));
        Assert.Equal(0, db.Outbox.Enqueue([a]));

        var item = Assert.Single(db.Outbox.LoadOpen().Open);
        Assert.Equal(item.Id, Assert.Single(db.Outbox.Pending(10)).Id);
        Assert.Equal(2, item.Why.Count);
        Assert.Equal(2, item.Score);
        Assert.Equal("s-1:2503.00001", item.Id);
        Assert.Equal("email:ann@example.org", item.Target);
        Assert.Equal(db.Time.GetUtcNow(), item.NextAttemptAt);
    }

    [Fact]
    public void A_run_reads_back_every_paper_reason_and_score_as_enqueued_whatever_the_text()
    {
        using var db = new TestDatabase();
        Subscribe(db, "s-1");
        var longText = string.Concat(Enumerable.Repeat("Schrödinger-bridge diffusion ", 12)); // a length past one varint byte
        var second = PaperId.Parse("2503.00002");
        var broad = Enumerable.Range(3, 40).Select(n => PaperId.Parse($"2503.{n:D5}")).ToList(); // past the scan of a small run
        PaperMatch[] matches =
        [
            new("s-1", Paper, [new MatchHit("title", "Über-große Modelle 🚀"), new MatchHit("abstract", longText)], 0.1 + 0.2),
            new("s-1", second, [new MatchHit("abstract", longText), new MatchHit("title", "Über-große Modelle 🚀")], 7.25),
            .. broad.Select(p => new PaperMatch("s-1", p, [], 1)),
            new("s-1", broad[^1], [new MatchHit("author", "Ann Author")], 2),
        ];

        Assert.Equal(42, db.Outbox.Enqueue(matches));

        var items = db.Outbox.LoadOpen().Open.ToDictionary(i => i.PaperId);
        Assert.Equal(42, items.Count);
        Assert.Equal(0.1 + 0.2, items[Paper].Score);
        Assert.Equal([new MatchHit("title", "Über-große Modelle 🚀"), new MatchHit("abstract", longText)], items[Paper].Why);
        Assert.Equal([new MatchHit("abstract", longText), new MatchHit("title", "Über-große Modelle 🚀")], items[second].Why);
        Assert.Equal(7.25, items[second].Score);
        // The broad subscription's repeated match merged into its first one: both reasons, the best score.
        Assert.Equal([new MatchHit("author", "Ann Author")], items[broad[^1]].Why);
        Assert.Equal(2, items[broad[^1]].Score);
        Assert.Equal(1, db.Context.Database.GetCollection("outbox").Count());
    }

    [Fact]
    public void Two_targets_sharing_an_index_hash_never_see_each_others_items()
    {
        using var db = new TestDatabase();
        // These two addresses collide under the 32-bit hash the outbox indexes targets by.
        var first = Subscriber.Email("u408504@example.org");
        var second = Subscriber.Email("u1275600@example.org");
        Assert.Equal(Mapping.OutboxRun.TargetHash(first.TargetKey), Mapping.OutboxRun.TargetHash(second.TargetKey));
        Subscribe(db, "s-1", first);
        Subscribe(db, "s-2", second);
        db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1), new PaperMatch("s-2", Paper, [], 1)]);
        var mine = db.Outbox.LoadOpen().Open.Single(i => i.SubscriptionId == "s-1");

        db.Outbox.MarkSent(Claim("s-1", mine), db.Time.GetUtcNow());

        Assert.Equal(["s-2"], db.Outbox.LoadOpen().Open.Select(i => i.SubscriptionId));
        Assert.Equal(0, db.Outbox.SinceLastDelivery(first.TargetKey, 10).Total);
        Assert.Equal(1, db.Outbox.SinceLastDelivery(second.TargetKey, 10).Total);
    }

    [Fact]
    public void A_match_for_a_removed_subscription_is_not_enqueued()
    {
        using var db = new TestDatabase();
        Assert.Equal(0, db.Outbox.Enqueue([new PaperMatch("s-gone", Paper, [], 1)]));
    }

    [Fact]
    public void Sending_a_batch_marks_it_and_every_open_item_of_the_same_target_and_paper_and_records_the_ledger()
    {
        using var db = new TestDatabase();
        Subscribe(db, "s-1");
        Subscribe(db, "s-2");
        Subscribe(db, "s-other", Subscriber.DiscordUser("9"));
        db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1), new PaperMatch("s-2", Paper, [], 1), new PaperMatch("s-other", Paper, [], 1)]);
        var first = db.Outbox.LoadOpen().Open.Single(i => i.SubscriptionId == "s-1");

        db.Outbox.MarkSending(Claim("s-1", first), db.Time.GetUtcNow().AddMinutes(5));
        Assert.Equal(OutboxStatus.Sending, db.Outbox.LoadOpen().Open.Single(i => i.Id == first.Id).Status);
        db.Outbox.MarkSent(Claim("s-1", first), db.Time.GetUtcNow());

        Assert.Equal(["s-other"], db.Outbox.LoadOpen().Open.Select(i => i.SubscriptionId));
        Subscribe(db, "s-3");
        Assert.Equal(0, db.Outbox.Enqueue([new PaperMatch("s-3", Paper, [], 1)])); // the ledger: already reached ann
    }

    [Fact]
    public void A_retry_keeps_the_batch_counts_the_attempt_and_waits()
    {
        using var db = new TestDatabase();
        Subscribe(db, "s-1");
        db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1)]);
        var item = db.Outbox.LoadOpen().Open.Single();
        var next = db.Time.GetUtcNow().AddMinutes(2);

        db.Outbox.MarkSending(Claim("s-1", item), db.Time.GetUtcNow().AddMinutes(5));
        db.Outbox.MarkRetry(Claim("s-1", item), next, "HTTP 503");

        var retried = db.Outbox.LoadOpen().Open.Single();
        Assert.Equal((OutboxStatus.Pending, 1, next, "HTTP 503", "b-1"), (retried.Status, retried.Attempts, retried.NextAttemptAt, retried.LastError, retried.Batch!.Id));
        Assert.Null(retried.LeaseUntil);
    }

    [Fact]
    public void A_permanent_failure_takes_the_item_out_of_the_open_set_with_its_reason()
    {
        using var db = new TestDatabase();
        Subscribe(db, "s-1");
        db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1)]);
        var item = db.Outbox.LoadOpen().Open.Single();

        db.Outbox.MarkFailed(Claim("s-1", item), "550 no such mailbox");

        Assert.Empty(db.Outbox.LoadOpen().Open);
        var failed = Assert.Single(db.Outbox.SinceLastDelivery(item.Target, 10).Items);
        Assert.Equal((item.Id, OutboxStatus.Failed, "550 no such mailbox"), (failed.Id, failed.Status, failed.LastError));
        Assert.Equal(1, new OutboxCounts(db.Context).Open()[OutboxStatus.Failed]);
    }

    [Fact]
    public void Claims_left_by_a_crash_are_released_once_their_lease_expired_keeping_their_batch()
    {
        using var db = new TestDatabase();
        Subscribe(db, "s-1");
        db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1)]);
        var item = db.Outbox.LoadOpen().Open.Single();
        var lease = db.Time.GetUtcNow().AddMinutes(5);
        db.Outbox.MarkSending(Claim("s-1", item), lease);

        Assert.Equal(0, db.Outbox.ReleaseInFlight(lease.AddSeconds(-1)));
        Assert.Equal(1, db.Outbox.ReleaseInFlight(lease));

        var released = db.Outbox.LoadOpen().Open.Single();
        Assert.Equal((OutboxStatus.Pending, "b-1"), (released.Status, released.Batch!.Id));
    }

    [Fact]
    public void Digest_times_are_kept_per_subscription()
    {
        using var db = new TestDatabase();
        var at = db.Time.GetUtcNow();
        db.Outbox.RecordDigest("s-1", at);
        db.Outbox.RecordDigest("s-1", at.AddDays(1));
        db.Outbox.RecordDigest("s-2", at);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["s-1"] = at.AddDays(1), ["s-2"] = at }, db.Outbox.LoadOpen().LastDigestAt);
    }

    [Fact]
    public void A_version_one_database_is_migrated_and_its_outbox_items_learn_their_target()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        using (var raw = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }))
        {
            raw.UserVersion = 1;
            raw.GetCollection("subscriptions").Insert(new BsonDocument { ["_id"] = "s-1", ["Target"] = "email:ann@example.org" });
            raw.GetCollection("outbox").Insert(new BsonDocument
            {
                ["_id"] = "s-1:2503.00001", ["SubscriptionId"] = "s-1", ["PaperId"] = "2503.00001", ["Why"] = new BsonArray(), ["Score"] = 1.0,
                ["Status"] = "Pending", ["Attempts"] = 0, ["CreatedAt"] = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            });
        }

        using var ctx = LiteDbContext.Open(path);

        var item = new LiteDbOutbox(ctx, TimeProvider.System).LoadOpen().Open.Single();
        Assert.Equal("email:ann@example.org", item.Target);
        Assert.Equal(item.CreatedAt, item.NextAttemptAt);
        Assert.Equal(Schema.CurrentVersion, ctx.Database.UserVersion);
    }

    [Fact]
    public void What_a_target_matched_since_its_last_delivery_is_its_unsent_papers_once_each_best_first_without_removed_subscriptions()
    {
        using var db = new TestDatabase();
        var channel = Subscriber.DiscordChannel("10", "1");
        Subscribe(db, "s-1", channel);
        Subscribe(db, "s-2", channel);
        Subscribe(db, "s-gone", channel);
        Subscribe(db, "s-elsewhere", Subscriber.DiscordChannel("11", "1"));
        PaperId P(string id) => PaperId.Parse(id);
        db.Outbox.Enqueue(
        [
            new PaperMatch("s-1", P("2503.00001"), [new MatchHit("title", "diffusion")], 1),
            new PaperMatch("s-2", P("2503.00001"), [new MatchHit("abstract", "video")], 3),
            new PaperMatch("s-1", P("2503.00002"), [new MatchHit("title", "agents")], 2),
            new PaperMatch("s-1", P("2503.00003"), [], 5),
            new PaperMatch("s-gone", P("2503.00004"), [], 9),
            new PaperMatch("s-elsewhere", P("2503.00005"), [], 9),
        ]);
        var delivered = db.Outbox.LoadOpen().Open.Single(i => i.PaperId == P("2503.00003"));
        db.Outbox.MarkSent(Claim("s-1", delivered), db.Time.GetUtcNow());
        db.Subscriptions.Remove("s-gone");

        var backlog = db.Outbox.SinceLastDelivery("discord-channel:10", max: 1);

        Assert.Equal(2, backlog.Total);
        var best = Assert.Single(backlog.Items);
        Assert.Equal(P("2503.00001"), best.PaperId);
        Assert.Equal([new MatchHit("abstract", "video"), new MatchHit("title", "diffusion")], best.Why.OrderBy(h => h.Field));
        Assert.Equal([P("2503.00001"), P("2503.00002")], db.Outbox.SinceLastDelivery("discord-channel:10", 10).Items.Select(i => i.PaperId));
        var nothing = db.Outbox.SinceLastDelivery("discord-channel:99", 10);
        Assert.Equal(0, nothing.Total);
        Assert.Empty(nothing.Items);
    }

    [Fact]
    public void A_due_read_holds_an_instant_alert_now_and_a_daily_digests_papers_only_from_its_slot_and_counts_them()
    {
        using var db = new TestDatabase(); // 09:00 UTC
        Subscribe(db, "s-now", Subscriber.DiscordUser("1"));
        var daily = new Subscription
        {
            Id = "s-daily", Subscriber = Subscriber.DiscordUser("2"), Query = "q", Confirmed = true, CreatedAt = db.Time.GetUtcNow(),
            Mode = DeliveryMode.Daily, DeliveryTime = new TimeOnly(8, 0),
        };
        db.Subscriptions.Add(daily);
        db.Outbox.Enqueue([new PaperMatch("s-now", Paper, [], 1), new PaperMatch("s-daily", Paper, [], 1)]);

        Assert.Equal(["s-now"], db.Outbox.LoadOpen(db.Time.GetUtcNow()).Open.Select(i => i.SubscriptionId));
        Assert.Equal(2, db.Outbox.LoadOpen().Open.Count);
        Assert.Equal(2, new OutboxCounts(db.Context).Open()[OutboxStatus.Pending]);

        db.Time.Advance(TimeSpan.FromHours(23)); // 08:00 the next day
        Assert.Equal(["s-daily", "s-now"], db.Outbox.LoadOpen(db.Time.GetUtcNow()).Open.Select(i => i.SubscriptionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_bulk_enqueue_across_thousands_of_subscriptions_queues_each_match_once_for_its_target_and_slot_and_drops_repeats()
    {
        using var db = new TestDatabase(); // 09:00 UTC
        const int count = 1_500; // past the one-by-one lookups: the subscriptions' routes are read in one pass
        var berlin = new TimeOnly(7, 30);
        for (var n = 0; n < count; n++)
        {
            db.Subscriptions.Add(new Subscription
            {
                Id = $"s-{n:D4}", Subscriber = Subscriber.DiscordUser($"{100 + n}"), Query = $"query number {n}", Confirmed = true,
                CreatedAt = db.Time.GetUtcNow(), Mode = n % 2 == 0 ? DeliveryMode.Instant : DeliveryMode.Daily, DeliveryTime = berlin, TimeZone = "Europe/Berlin",
            });
        }
        var second = PaperId.Parse("2503.00002");
        List<PaperMatch> Day() => [.. Enumerable.Range(0, count).SelectMany(n => n % 3 == 0
            ? new[] { new PaperMatch($"s-{n:D4}", Paper, [new MatchHit("title", $"t{n}")], n), new PaperMatch($"s-{n:D4}", second, [], 1) }
            : [new PaperMatch($"s-{n:D4}", Paper, [new MatchHit("title", $"t{n}")], n)])];

        Assert.Equal(2_000, db.Outbox.Enqueue(Day()));
        Assert.Equal(0, db.Outbox.Enqueue(Day())); // matched again after a crash: every item is already queued

        var open = db.Outbox.LoadOpen().Open;
        Assert.Equal(2_000, open.Count);
        Assert.Equal(2_000, open.Select(i => i.Id).Distinct().Count());
        var s7 = open.Single(i => i.SubscriptionId == "s-0007");
        Assert.Equal(("discord-user:107", 7.0, "t7"), (s7.Target, s7.Score, s7.Why.Single().Text));
        // 08:00 UTC the next day is 09:00 in Berlin: the instant half is due now, the daily half from 06:30 UTC tomorrow.
        Assert.All(db.Outbox.LoadOpen(db.Time.GetUtcNow()).Open, i => Assert.Equal(0, int.Parse(i.SubscriptionId[2..]) % 2));
        db.Time.Advance(TimeSpan.FromHours(21.5));
        Assert.Equal(2_000, db.Outbox.LoadOpen(db.Time.GetUtcNow()).Open.Count);
    }
}
