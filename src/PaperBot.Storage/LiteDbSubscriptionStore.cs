using LiteDB;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Mapping;

namespace PaperBot.Storage;

public sealed class LiteDbSubscriptionStore(LiteDbContext context) : ISubscriptionStore
{
    public void Add(Subscription subscription) =>
        Write(subscription.Id, "a subscription", () => context.Subscriptions.Insert(SubscriptionMapping.ToDocument(subscription)), _ => 1);

    public bool Remove(string id) => Write(id, "removing a subscription", () => context.Subscriptions.Delete(id), removed => removed ? -1 : 0);

    public Subscription? Find(string id)
    {
        var doc = context.Subscriptions.FindById(id);
        return doc is null ? null : SubscriptionMapping.ToSubscription(doc);
    }

    public IReadOnlyList<Subscription> All()
    {
        var writes = context.Routes.Writes;
        var all = Oldest(context.Subscriptions.FindAll());
        context.Routes.Fill(writes, all);
        return all;
    }

    public IReadOnlyList<Subscription> ForTarget(string targetKey) => Oldest(context.Subscriptions.Find(Query.EQ("Target", targetKey)));

    // Null sorts before every string in LiteDB, so the index yields exactly the paused ones without reading the others.
    public IReadOnlyList<Subscription> Paused() => Oldest(context.Subscriptions.Find(Query.GT("PausedReason", BsonValue.Null)));

    public int CountActive()
    {
        var collection = context.Subscriptions;
        var pausedUnconfirmed = collection.Count(Query.And(Query.GT("PausedReason", BsonValue.Null), Query.EQ("Confirmed", false)));
        // The total is kept (LiteDB counts all by reading every document, seconds at a million, and /healthz asks often);
        // the paused and unconfirmed are found through their indexes.
        return context.Routes.SubscriptionCount(collection) - collection.Count(Query.GT("PausedReason", BsonValue.Null)) - collection.Count(Query.EQ("Confirmed", false)) + pausedUnconfirmed;
    }

    public IReadOnlyList<Subscription> CreatedBy(string userId) => Oldest(context.Subscriptions.Find(Query.EQ("CreatedBy", userId)));

    public void Update(Subscription subscription)
    {
        if (!Write(subscription.Id, "a subscription", () => context.Subscriptions.Update(SubscriptionMapping.ToDocument(subscription)), _ => 0))
            throw new KeyNotFoundException($"No subscription {subscription.Id}.");
    }

    /// <summary>One subscription's write, its kept route dropped before and after under the write gate: enqueue never
    /// sees the old route once the write began, and a full read that overlapped the write cannot bring it back.
    /// <paramref name="added"/> says how many subscriptions the write added, for the kept count.</summary>
    private T Write<T>(string id, string what, Func<T> body, Func<T, int> added)
    {
        lock (context.WriteGate)
        {
            context.Routes.Changed(id);
            T result;
            try
            {
                result = WriteTransaction.Run(context, what, body);
            }
            catch
            {
                context.Routes.Changed(id);
                throw;
            }
            context.Routes.Changed(id, added(result));
            return result;
        }
    }

    private static List<Subscription> Oldest(IEnumerable<BsonDocument> docs) =>
        docs.Select(SubscriptionMapping.ToSubscription).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
}
