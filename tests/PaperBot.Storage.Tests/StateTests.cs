using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class StateTests
{
    [Fact]
    public void Source_state_round_trips_including_validators_keyed_by_url()
    {
        using var db = new TestDatabase();
        var state = new SourceState
        {
            Source = "arxiv", LastRunAt = db.Time.GetUtcNow(), LastError = "HTTP 503", LastErrorAt = db.Time.GetUtcNow(), ConsecutiveFailures = 2,
            ItemsSeen = 5_000_000_000, BaselineRecorded = true,
            ETags = new Dictionary<string, string> { ["https://api.example.org/query?a.b=1"] = "\"abc\"" },
            LastModified = new Dictionary<string, string> { ["https://feeds.example.org/rss/cs.LG"] = "Tue, 10 Mar 2026 00:00:00 GMT" },
        };
        db.SourceStates.Put(state);

        var stored = db.SourceStates.Get("arxiv");
        Assert.Equal(state.ETags, stored.ETags);
        Assert.Equal(state.LastModified, stored.LastModified);
        Assert.Equal(state with { ETags = stored.ETags, LastModified = stored.LastModified }, stored);
        Assert.Equal("unknown", db.SourceStates.Get("unknown").Source);
    }

    [Fact]
    public void Settings_keep_their_values_across_a_reopen_and_answer_null_for_unknown_keys()
    {
        using var db = new TestDatabase();
        new LiteDbSettingsStore(db.Context).Set("discord.commands.1.global", "abc");
        new LiteDbSettingsStore(db.Context).Set("discord.commands.1.global", "def");

        db.Reopen();

        var settings = new LiteDbSettingsStore(db.Context);
        Assert.Equal("def", settings.Get("discord.commands.1.global"));
        Assert.Null(settings.Get("missing"));
    }

    [Fact]
    public void Subscriptions_round_trip_and_remove_by_id()
    {
        using var db = new TestDatabase();
        var s = new Subscription
        {
            Id = SubscriptionIds.New(), Subscriber = Subscriber.DiscordChannel("123", "456"), Query = "\"image editing\" -survey",
            Mode = DeliveryMode.Weekly, DeliveryTime = new TimeOnly(7, 30), WeeklyDay = DayOfWeek.Friday, TimeZone = "Asia/Kolkata",
            Confirmed = true, CreatedAt = db.Time.GetUtcNow(), PausedReason = "Unknown Channel (10003)", CreatedBy = "789",
        };
        db.Subscriptions.Add(s);
        Assert.Equal(s, db.Subscriptions.Find(s.Id));
        Assert.Equal([s], db.Subscriptions.All());
        Assert.True(db.Subscriptions.Remove(s.Id));
        Assert.False(db.Subscriptions.Remove(s.Id));
        Assert.Empty(db.Subscriptions.All());
    }

    [Fact]
    public void Subscriptions_are_found_by_their_target_and_by_the_discord_user_who_created_them()
    {
        using var db = new TestDatabase();
        Subscription Add(string id, Subscriber who, string? by) =>
            new() { Id = id, Subscriber = who, Query = "q", Confirmed = true, CreatedAt = db.Time.GetUtcNow(), CreatedBy = by };
        var channel = Add("s-1", Subscriber.DiscordChannel("10", "1"), "7");
        var dm = Add("s-2", Subscriber.DiscordUser("7"), "7");
        var otherChannel = Add("s-3", Subscriber.DiscordChannel("10", "1"), "8");
        var cli = Add("s-4", Subscriber.DiscordChannel("11", "1"), null);
        foreach (var s in new[] { channel, dm, otherChannel, cli }) db.Subscriptions.Add(s);

        Assert.Equal([channel, otherChannel], db.Subscriptions.ForTarget("discord-channel:10"));
        Assert.Equal([dm], db.Subscriptions.ForTarget("discord-user:7"));
        Assert.Equal([channel, dm], db.Subscriptions.CreatedBy("7"));
        Assert.Empty(db.Subscriptions.CreatedBy("9"));
    }
}
