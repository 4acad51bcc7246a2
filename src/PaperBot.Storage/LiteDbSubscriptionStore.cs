using LiteDB;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Mapping;

namespace PaperBot.Storage;

public sealed class LiteDbSubscriptionStore(LiteDbContext context) : ISubscriptionStore
{
    public void Add(Subscription subscription) =>
        WriteTransaction.Run(context, "a subscription", () => context.Subscriptions.Insert(SubscriptionMapping.ToDocument(subscription)));

    public bool Remove(string id) => WriteTransaction.Run(context, "removing a subscription", () => context.Subscriptions.Delete(id));

    public Subscription? Find(string id)
    {
        var doc = context.Subscriptions.FindById(id);
        return doc is null ? null : SubscriptionMapping.ToSubscription(doc);
    }

    public IReadOnlyList<Subscription> All() => Oldest(context.Subscriptions.FindAll());

    public IReadOnlyList<Subscription> ForTarget(string targetKey) => Oldest(context.Subscriptions.Find(Query.EQ("Target", targetKey)));

    public IReadOnlyList<Subscription> CreatedBy(string userId) => Oldest(context.Subscriptions.Find(Query.EQ("CreatedBy", userId)));

    public void Update(Subscription subscription)
    {
        if (!WriteTransaction.Run(context, "a subscription", () => context.Subscriptions.Update(SubscriptionMapping.ToDocument(subscription))))
            throw new KeyNotFoundException($"No subscription {subscription.Id}.");
    }

    private static List<Subscription> Oldest(IEnumerable<BsonDocument> docs) =>
        docs.Select(SubscriptionMapping.ToSubscription).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
}
