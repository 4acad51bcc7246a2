using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Storage;

public interface ISubscriptionStore
{
    void Add(Subscription subscription);

    /// <summary>Removes a subscription; false when there is none with that id.</summary>
    bool Remove(string id);

    Subscription? Find(string id);

    IReadOnlyList<Subscription> All();

    void Update(Subscription subscription);

    /// <summary>The subscriptions of one delivery target (<see cref="Subscriber.TargetKey"/>), oldest first.</summary>
    IReadOnlyList<Subscription> ForTarget(string targetKey) => [.. All().Where(s => s.Subscriber.TargetKey == targetKey)];

    /// <summary>The paused subscriptions (<see cref="Subscription.PausedReason"/>), oldest first.</summary>
    IReadOnlyList<Subscription> Paused() => [.. All().Where(s => s.PausedReason is not null)];

    /// <summary>How many subscriptions are <see cref="Subscription.IsActive"/> (confirmed and not paused).</summary>
    int CountActive() => All().Count(s => s.IsActive);

    /// <summary>The subscriptions a Discord user created (<see cref="Subscription.CreatedBy"/>), oldest first.</summary>
    IReadOnlyList<Subscription> CreatedBy(string userId) => [.. All().Where(s => s.CreatedBy == userId)];
}
