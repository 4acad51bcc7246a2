using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class OutboxAndStateTests
{
    private static readonly PaperId Paper = PaperId.Parse("2503.00001");

    [Fact]
    public void The_same_match_enqueued_twice_is_one_outbox_item_with_all_reasons()
    {
        using var db = new TestDatabase();
        var a = new PaperMatch("s-1", Paper, [new MatchHit("title", "diffusion")], 2);
        var b = new PaperMatch("s-1", Paper, [new MatchHit("abstract", "video")], 1);

        Assert.Equal(1, db.Outbox.Enqueue([a, b]));
        Assert.Equal(0, db.Outbox.Enqueue([a]));

        var item = Assert.Single(db.Outbox.Pending(10));
        Assert.Equal(2, item.Why.Count);
        Assert.Equal(2, item.Score);
        Assert.Equal("s-1:2503.00001", item.Id);
    }

    [Fact]
    public void Sent_items_leave_the_pending_list_and_are_never_enqueued_again()
    {
        using var db = new TestDatabase();
        var match = new PaperMatch("s-1", Paper, [], 1);
        db.Outbox.Enqueue([match]);
        db.Outbox.MarkSent(db.Outbox.Pending(10).Select(i => i.Id));

        Assert.Empty(db.Outbox.Pending(10));
        Assert.Equal(0, db.Outbox.Enqueue([match]));
    }

    [Fact]
    public void Source_state_round_trips_including_validators_keyed_by_url()
    {
        using var db = new TestDatabase();
        var state = new SourceState
        {
            Source = "arxiv", LastRunAt = db.Time.GetUtcNow(), LastError = "HTTP 503", LastErrorAt = db.Time.GetUtcNow(), ConsecutiveFailures = 2,
            ItemsSeen = 5_000_000_000, BaselineRecorded = true,
            ETags = new Dictionary<string, string> { ["https://export.arxiv.org/api/query?a.b=1"] = "\"abc\"" },
            LastModified = new Dictionary<string, string> { ["https://rss.arxiv.org/rss/cs.LG"] = "Tue, 10 Mar 2026 00:00:00 GMT" },
        };
        db.SourceStates.Put(state);

        var stored = db.SourceStates.Get("arxiv");
        Assert.Equal(state.ETags, stored.ETags);
        Assert.Equal(state.LastModified, stored.LastModified);
        Assert.Equal(state with { ETags = stored.ETags, LastModified = stored.LastModified }, stored);
        Assert.Equal("unknown", db.SourceStates.Get("unknown").Source);
    }

    [Fact]
    public void Subscriptions_round_trip_and_remove_by_id()
    {
        using var db = new TestDatabase();
        var s = new Subscription
        {
            Id = SubscriptionIds.New(), Subscriber = Subscriber.DiscordChannel("123", "456"), Query = "\"image editing\" -survey",
            Mode = DeliveryMode.Weekly, DeliveryTime = new TimeOnly(7, 30), WeeklyDay = DayOfWeek.Friday, TimeZone = "Asia/Kolkata",
            Confirmed = true, CreatedAt = db.Time.GetUtcNow(), PausedReason = "Unknown Channel (10003)",
        };
        db.Subscriptions.Add(s);
        Assert.Equal(s, db.Subscriptions.Find(s.Id));
        Assert.Equal([s], db.Subscriptions.All());
        Assert.True(db.Subscriptions.Remove(s.Id));
        Assert.False(db.Subscriptions.Remove(s.Id));
        Assert.Empty(db.Subscriptions.All());
    }
}
