using LiteDB;
using PaperBot.Core.Matching;

namespace PaperBot.Benchmarks.Day;

/// <summary>
/// The baseline: the outbox as schema 6 stored it, one document per (subscription, paper) with the Status,
/// SubscriptionId and TargetPaper indexes. Enqueue looks each item, its subscription's target and the delivered ledger
/// up, then inserts the new items in one bulk transaction; planning reads every open item back.
/// </summary>
internal sealed class PerItemOutbox
{
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _items;

    public PerItemOutbox(LiteDatabase db, IEnumerable<(string Id, string Target)> subscriptions)
    {
        _db = db;
        _items = db.GetCollection("outbox");
        _items.EnsureIndex("Status", "$.Status");
        _items.EnsureIndex("SubscriptionId", "$.SubscriptionId");
        _items.EnsureIndex("TargetPaper", "$.TargetPaper");
        db.GetCollection("subscriptions").InsertBulk(subscriptions.Select(s => new BsonDocument { ["_id"] = s.Id, ["Target"] = s.Target }));
    }

    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        var now = DateTime.UtcNow;
        var subscriptions = _db.GetCollection("subscriptions");
        var delivered = _db.GetCollection("delivered");
        _db.BeginTrans();
        var fresh = new List<BsonDocument>();
        foreach (var g in matches.GroupBy(m => $"{m.SubscriptionId}:{m.PaperId}"))
        {
            var first = g.First();
            if (_items.FindById(g.Key) is not null) continue;
            if (subscriptions.FindById(first.SubscriptionId)?["Target"].AsString is not { } target) continue;
            if (delivered.FindById($"{target}|{first.PaperId}") is not null) continue;
            fresh.Add(new BsonDocument
            {
                ["_id"] = g.Key, ["SubscriptionId"] = first.SubscriptionId, ["PaperId"] = first.PaperId.Value, ["Target"] = target,
                ["TargetPaper"] = $"{target}|{first.PaperId}",
                ["Why"] = new BsonArray(g.SelectMany(m => m.Why).Distinct().Select(w => new BsonDocument { ["Field"] = w.Field, ["Text"] = w.Text })),
                ["Score"] = g.Max(m => m.Score), ["Status"] = "Pending", ["Attempts"] = 0, ["CreatedAt"] = now, ["NextAttemptAt"] = now,
            });
        }
        _items.InsertBulk(fresh);
        _db.Commit();
        return fresh.Count;
    }

    /// <summary>Every open item, deserialised, as the old dispatch pass read them.</summary>
    public int LoadOpen() => _items.Find(Query.In("Status", "Pending", "Sending")).Count(d => d["Why"].IsArray);
}
