using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

/// <summary>Enqueue routes alerts from the routes kept in memory after the matcher's load; each write to a
/// subscription must reach them.</summary>
public class SubscriptionRoutesTests
{
    private static readonly PaperId Paper = PaperId.Parse("2503.00001");

    private static Subscription Daily(TestDatabase db, string id) => new()
    {
        Id = id, Subscriber = Subscriber.Email($"{id}@example.org"), Query = "q", Confirmed = true, CreatedAt = db.Time.GetUtcNow(),
        Mode = DeliveryMode.Daily, DeliveryTime = TimeOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime.AddHours(6)),
    };

    [Fact]
    public void A_subscription_switched_to_instant_after_the_load_is_enqueued_as_due_now()
    {
        using var db = new TestDatabase();
        var daily = Daily(db, "s-1");
        db.Subscriptions.Add(daily);
        _ = db.Subscriptions.All(); // the matcher's load keeps every route

        db.Subscriptions.Update(daily with { Mode = DeliveryMode.Instant });
        db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1)]);

        Assert.Equal(["s-1"], db.Outbox.LoadOpen(db.Time.GetUtcNow()).Open.Select(i => i.SubscriptionId));
    }

    [Fact]
    public void A_subscription_removed_after_the_load_gets_nothing_and_one_added_after_it_gets_its_alert()
    {
        using var db = new TestDatabase();
        db.Subscriptions.Add(Daily(db, "s-1"));
        _ = db.Subscriptions.All();

        db.Subscriptions.Remove("s-1");
        db.Subscriptions.Add(Daily(db, "s-2") with { Mode = DeliveryMode.Instant });

        Assert.Equal(1, db.Outbox.Enqueue([new PaperMatch("s-1", Paper, [], 1), new PaperMatch("s-2", Paper, [], 1)]));
        Assert.Equal(["s-2"], db.Outbox.LoadOpen().Open.Select(i => i.SubscriptionId));
    }

    [Fact]
    public void A_full_read_overlapping_a_write_keeps_no_route_and_a_kept_route_goes_with_its_write()
    {
        var routes = new SubscriptionRoutes();
        var before = routes.Writes;
        var read = new Subscription { Id = "s-1", Subscriber = Subscriber.Email("ann@example.org"), Query = "q", Confirmed = true };
        routes.Changed("s-1"); // a write landed while the read was in progress: what was read may be older

        routes.Fill(before, [read]);
        var missing = new List<string>();
        routes.TryGet(["s-1"], [], missing);
        Assert.Equal(["s-1"], missing);

        routes.Fill(routes.Writes, [read]);
        var found = new Dictionary<string, SubscriptionRoute>();
        routes.TryGet(["s-1"], found, missing = []);
        Assert.Equal("email:ann@example.org", found["s-1"].Target);
        routes.Changed("s-1");
        routes.TryGet(["s-1"], found = [], missing);
        Assert.Equal((0, 1), (found.Count, missing.Count));
    }
}
