using LiteDB;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>The delivery ledger. Keyed by (subscription, paper), so the same match never yields a second item.</summary>
public sealed class LiteDbOutbox(LiteDbContext context, TimeProvider time) : IOutbox
{
    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        var now = time.GetUtcNow();
        lock (context.WriteGate)
        {
            var collection = context.Outbox;
            var fresh = matches
                .GroupBy(m => OutboxItem.KeyOf(m.SubscriptionId, m.PaperId))
                .Where(g => collection.FindById(g.Key) is null)
                .Select(g => ToDocument(new OutboxItem
                {
                    Id = g.Key,
                    SubscriptionId = g.First().SubscriptionId,
                    PaperId = g.First().PaperId,
                    Why = g.SelectMany(m => m.Why).Distinct().ToArray(),
                    Score = g.Max(m => m.Score),
                    CreatedAt = now,
                }))
                .ToList();
            if (fresh.Count > 0) collection.InsertBulk(fresh);
            return fresh.Count;
        }
    }

    public IReadOnlyList<OutboxItem> Pending(int max) =>
        context.Outbox.Query()
            .Where("$.Status = @0", OutboxStatus.Pending.ToString())
            .OrderBy("$.CreatedAt")
            .Limit(max)
            .ToEnumerable()
            .Select(ToItem)
            .ToList();

    public void MarkSent(IEnumerable<string> itemIds)
    {
        var now = Date(time.GetUtcNow());
        lock (context.WriteGate)
        {
            foreach (var id in itemIds)
            {
                var doc = context.Outbox.FindById(id);
                if (doc is null) continue;
                doc["Status"] = OutboxStatus.Sent.ToString();
                doc["SentAt"] = now;
                context.Outbox.Update(doc);
            }
        }
    }

    private static BsonDocument ToDocument(OutboxItem item)
    {
        var doc = new BsonDocument
        {
            ["_id"] = item.Id,
            ["SubscriptionId"] = item.SubscriptionId,
            ["PaperId"] = item.PaperId.Value,
            ["Why"] = new BsonArray(item.Why.Select(w => new BsonDocument { ["Field"] = w.Field, ["Text"] = w.Text })),
            ["Score"] = item.Score,
            ["Status"] = item.Status.ToString(),
            ["Attempts"] = item.Attempts,
            ["CreatedAt"] = Date(item.CreatedAt),
        };
        if (item.SentAt is { } sent) doc["SentAt"] = Date(sent);
        Set(doc, "LastError", item.LastError);
        return doc;
    }

    private static OutboxItem ToItem(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        SubscriptionId = d["SubscriptionId"].AsString,
        PaperId = PaperId.Parse(d["PaperId"].AsString),
        Why = d["Why"].AsArray.Select(w => new MatchHit(w["Field"].AsString, w["Text"].AsString)).ToArray(),
        Score = d["Score"].AsDouble,
        Status = Enum.Parse<OutboxStatus>(d["Status"].AsString),
        Attempts = d["Attempts"].AsInt32,
        CreatedAt = Date(d["CreatedAt"]),
        SentAt = NullableDate(d["SentAt"]),
        LastError = NullableString(d["LastError"]),
    };
}
