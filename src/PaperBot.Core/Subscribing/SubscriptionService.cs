using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Subscribing;

/// <summary>
/// The one way to change subscriptions (CLI, and later Discord and the web pages): the query is checked before
/// anything is stored, and the matcher's index follows the store, so a new subscription matches the next paper.
/// </summary>
public sealed class SubscriptionService(ISubscriptionStore store, SubscriptionMatcher matcher, IOutbox outbox)
{
    /// <summary>Stores the subscription, or returns why its query is not valid (nothing stored).</summary>
    public QueryError? Add(Subscription subscription)
    {
        if (QueryParser.Parse(subscription.Query).Error is { } error) return error;
        store.Add(subscription);
        matcher.Upsert(subscription);
        return null;
    }

    public bool Remove(string id)
    {
        matcher.Remove(id);
        return store.Remove(id);
    }

    /// <summary>Email subscriptions made before <paramref name="madeBefore"/> and never confirmed: their link has
    /// expired, so nothing would ever activate them. Removing them lets the address subscribe afresh. Returns how many.</summary>
    public int ForgetUnconfirmed(DateTimeOffset madeBefore)
    {
        var stale = store.All().Where(s => !s.Confirmed && s.Subscriber.Kind == SubscriberKind.Email && s.CreatedAt < madeBefore).ToList();
        foreach (var s in stale) Remove(s.Id);
        return stale.Count;
    }

    public void Update(Subscription subscription)
    {
        var before = store.Find(subscription.Id);
        store.Update(subscription);
        matcher.Upsert(subscription);
        if (before is not null && (before.Mode, before.DeliveryTime, before.WeeklyDay, before.TimeZone)
            != (subscription.Mode, subscription.DeliveryTime, subscription.WeeklyDay, subscription.TimeZone))
            outbox.Reschedule(subscription);
    }
}
