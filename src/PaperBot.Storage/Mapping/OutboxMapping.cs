using LiteDB;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage.Mapping;

/// <summary>
/// One outbox document: the papers one subscription matched in one enqueue (a run), each an <see cref="OutboxItem"/>
/// with its own state. A day at 100k subscriptions is ~900k items but only ~60k documents, and a document's reasons
/// are a shared table, so the day's writes are a few bulk inserts. Fields an item has by default are left out.
/// </summary>
internal sealed class OutboxRun
{
    public ObjectId Id { get; init; } = ObjectId.NewObjectId();
    public required string SubscriptionId { get; init; }
    public required string Target { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>A digest subscription's slot its unclaimed items wait for (null: due at their next attempt).</summary>
    public DateTimeOffset? Slot { get; init; }

    public required List<OutboxItem> Items { get; init; }

    /// <summary>When dispatch next has work here: the earliest pending item's due time or claim's lease; null when
    /// nothing is open (only sent or failed items), which keeps the document out of every due read.</summary>
    public DateTimeOffset? DueAt()
    {
        DateTimeOffset? due = null;
        foreach (var i in Items)
        {
            DateTimeOffset? at = i.Status switch
            {
                OutboxStatus.Pending => i.Batch is null && Slot is { } slot && slot > i.NextAttemptAt ? slot : i.NextAttemptAt,
                OutboxStatus.Sending => i.LeaseUntil ?? DateTimeOffset.MinValue,
                _ => null,
            };
            if (at is { } a && (due is null || a < due)) due = a;
        }
        return due;
    }

    /// <summary>True once every item reached its target: the delivered ledger remembers them, the document can go.</summary>
    public bool Settled => Items.TrueForAll(i => i.Status == OutboxStatus.Sent);

    public BsonDocument ToDocument()
    {
        var hits = new Dictionary<MatchHit, int>();
        var table = new BsonArray();
        var items = new BsonArray();
        foreach (var i in Items)
        {
            var why = new BsonArray();
            foreach (var h in i.Why)
            {
                if (!hits.TryGetValue(h, out var n))
                {
                    hits[h] = n = table.Count;
                    table.Add(new BsonArray { h.Field, h.Text });
                }
                why.Add(n);
            }
            var doc = new BsonDocument { ["P"] = i.PaperId.Value, ["S"] = i.Score, ["W"] = why };
            if (i.Status != OutboxStatus.Pending) doc["St"] = i.Status.ToString();
            if (i.Attempts != 0) doc["A"] = i.Attempts;
            if (i.NextAttemptAt != CreatedAt) doc["N"] = Date(i.NextAttemptAt);
            if (i.Batch is { } b) doc["B"] = new BsonDocument { ["Id"] = b.Id, ["SubscriptionId"] = b.SubscriptionId, ["Kind"] = b.Kind.ToString() };
            if (i.LeaseUntil is { } lease) doc["L"] = Date(lease);
            if (i.SentAt is { } sent) doc["T"] = Date(sent);
            Set(doc, "E", i.LastError);
            items.Add(doc);
        }
        var result = new BsonDocument
        {
            ["_id"] = Id,
            ["SubscriptionId"] = SubscriptionId,
            ["Target"] = Target,
            ["CreatedAt"] = Date(CreatedAt),
            ["Hits"] = table,
            ["Items"] = items,
        };
        if (Slot is { } s) result["Slot"] = Date(s);
        if (DueAt() is { } due) result["DueAt"] = Date(due);
        return result;
    }

    public static OutboxRun FromDocument(BsonDocument d)
    {
        var subscriptionId = d["SubscriptionId"].AsString;
        var target = d["Target"].AsString;
        var createdAt = Date(d["CreatedAt"]);
        var hits = d["Hits"].AsArray.Select(h => new MatchHit(h[0].AsString, h[1].AsString)).ToArray();
        var source = d["Items"].AsArray;
        var items = new List<OutboxItem>(source.Count);
        foreach (var value in source)
        {
            var i = value.AsDocument;
            var paper = PaperId.Parse(i["P"].AsString);
            var w = i["W"].AsArray;
            var why = new MatchHit[w.Count];
            for (var k = 0; k < why.Length; k++) why[k] = hits[w[k].AsInt32];
            var b = i["B"];
            items.Add(new OutboxItem
            {
                Id = OutboxItem.KeyOf(subscriptionId, paper),
                SubscriptionId = subscriptionId,
                PaperId = paper,
                Target = target,
                Why = why,
                Score = i["S"].AsDouble,
                Status = i["St"].IsString ? Enum.Parse<OutboxStatus>(i["St"].AsString) : OutboxStatus.Pending,
                Attempts = i["A"].IsNumber ? i["A"].AsInt32 : 0,
                CreatedAt = createdAt,
                NextAttemptAt = NullableDate(i["N"]) ?? createdAt,
                Batch = b.IsDocument ? new BatchRef(b["Id"].AsString, b["SubscriptionId"].AsString, Enum.Parse<BatchKind>(b["Kind"].AsString)) : null,
                LeaseUntil = NullableDate(i["L"]),
                SentAt = NullableDate(i["T"]),
                LastError = NullableString(i["E"]),
            });
        }
        return new OutboxRun
        {
            Id = d["_id"].AsObjectId, SubscriptionId = subscriptionId, Target = target, CreatedAt = createdAt,
            Slot = NullableDate(d["Slot"]), Items = items,
        };
    }
}
