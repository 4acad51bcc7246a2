using LiteDB;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>Suppressed addresses, one document each, keyed by the address in lower case (so lookups ignore case).</summary>
public sealed class LiteDbSuppressionList(LiteDbContext context) : ISuppressionList
{
    public Suppression? Find(string address)
    {
        var doc = context.Suppressions.FindById(Key(address));
        return doc is null ? null : new Suppression(doc["Address"].AsString, doc["Reason"].AsString, Date(doc["At"]));
    }

    /// <summary>A second rejection of the same address replaces the first: the latest reason is the useful one.</summary>
    public void Add(Suppression suppression) => WriteTransaction.Run(context, "a suppression", () => context.Suppressions.Upsert(BsonText.Whole(new BsonDocument
    {
        ["_id"] = Key(suppression.Address),
        ["Address"] = suppression.Address.Trim(),
        ["Reason"] = suppression.Reason,
        ["At"] = Date(suppression.At),
    })));

    public bool Remove(string address) => WriteTransaction.Run(context, "lifting a suppression", () => context.Suppressions.Delete(Key(address)));

    private static string Key(string address) => address.Trim().ToLowerInvariant();
}
