using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class SubscriptionStoreTests
{
    [Fact]
    public void Paused_and_active_counts_read_through_the_indexes_agree_with_reading_every_subscription()
    {
        using var db = new TestDatabase();
        var i = 0;
        foreach (var confirmed in new[] { true, false })
        foreach (var paused in new string?[] { null, "email: 550 5.1.1 no such mailbox", "Unknown Channel (10003)" })
        foreach (var copy in Enumerable.Range(0, 3))
        {
            db.Subscriptions.Add(new Subscription
            {
                Id = $"s{i++:D2}", Subscriber = Subscriber.Email($"reader{copy}@example.org"), Query = "graph", Confirmed = confirmed,
                PausedReason = paused, CreatedAt = db.Time.GetUtcNow().AddMinutes(-i),
            });
        }
        ISubscriptionStore store = db.Subscriptions;
        var all = store.All();

        Assert.Equal(all.Where(s => s.PausedReason is not null).Select(s => s.Id), store.Paused().Select(s => s.Id));
        Assert.Equal(12, store.Paused().Count);
        Assert.Equal(all.Count(s => s.IsActive), store.CountActive());
        Assert.Equal(3, store.CountActive());
    }

    [Fact]
    public void The_active_count_kept_across_writes_agrees_with_reading_every_subscription()
    {
        using var db = new TestDatabase();
        ISubscriptionStore store = db.Subscriptions;
        Subscription Sub(int n) => new()
        {
            Id = $"s{n}", Subscriber = Subscriber.Email($"reader{n}@example.org"), Query = "graph", Confirmed = true, CreatedAt = db.Time.GetUtcNow(),
        };
        for (var n = 0; n < 5; n++) store.Add(Sub(n));
        Assert.Equal(5, store.CountActive()); // counted once, then kept

        store.Add(Sub(5));
        store.Remove("s0");
        Assert.False(store.Remove("s0"));
        store.Update(Sub(1) with { PausedReason = "Unknown Channel (10003)" });
        Assert.Throws<KeyNotFoundException>(() => store.Update(Sub(9)));

        Assert.Equal(store.All().Count(s => s.IsActive), store.CountActive());
        Assert.Equal(4, store.CountActive());
    }
}
