using PaperBot.Core.Matching;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Subscribing;

public class UnconfirmedSubscriptionsTests
{
    [Fact]
    public void Email_subscriptions_never_confirmed_before_the_cut_off_are_removed()
    {
        using var db = new TestDatabase();
        var service = new SubscriptionService(db.Subscriptions, new SubscriptionMatcher(db.Subscriptions), db.Outbox);
        var now = db.Time.GetUtcNow();
        Subscription Make(string id, Subscriber who, bool confirmed, TimeSpan age) =>
            new() { Id = id, Subscriber = who, Query = "diffusion", Confirmed = confirmed, CreatedAt = now - age };
        service.Add(Make("s-stale", Subscriber.Email("old@example.org"), confirmed: false, TimeSpan.FromDays(8)));
        service.Add(Make("s-fresh", Subscriber.Email("new@example.org"), confirmed: false, TimeSpan.FromDays(2)));
        service.Add(Make("s-active", Subscriber.Email("reader@example.org"), confirmed: true, TimeSpan.FromDays(30)));
        service.Add(Make("s-discord", Subscriber.DiscordUser("42"), confirmed: true, TimeSpan.FromDays(30)));

        var removed = service.ForgetUnconfirmed(now - TimeSpan.FromDays(7));

        Assert.Equal(1, removed);
        Assert.Null(db.Subscriptions.Find("s-stale"));
        Assert.Equal(["s-active", "s-discord", "s-fresh"], db.Subscriptions.All().Select(s => s.Id).Order(StringComparer.Ordinal));
    }
}
