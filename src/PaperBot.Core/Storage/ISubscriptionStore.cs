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
}
