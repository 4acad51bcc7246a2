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
}
