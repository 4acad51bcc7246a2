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

    // Columns, not a document per item: a day writes ~900k items, and a BsonDocument each dominated the cost.
    // P: paper ids; S: scores; W: per item its reason count then indexes into Hits; X: the state of each item not
    // simply pending since the run's creation (I: its position).
    public BsonDocument ToDocument()
    {
        var hits = new Dictionary<MatchHit, int>();
        var table = new BsonArray();
        var papers = new BsonArray();
        var scores = new BsonArray();
        var why = new BsonArray();
        var states = new BsonArray();
        for (var k = 0; k < Items.Count; k++)
        {
            var i = Items[k];
            papers.Add(i.PaperId.Value);
            scores.Add(i.Score);
            why.Add(i.Why.Count);
            foreach (var h in i.Why)
            {
                if (!hits.TryGetValue(h, out var n))
                {
                    hits[h] = n = table.Count;
                    table.Add(new BsonArray { h.Field, h.Text });
                }
                why.Add(n);
            }
            if (State(i, k) is { } state) states.Add(state);
        }
        var result = new BsonDocument
        {
            ["_id"] = Id,
            ["SubscriptionId"] = SubscriptionId,
            ["Target"] = Target,
            ["CreatedAt"] = Date(CreatedAt),
            ["Hits"] = table,
            ["P"] = papers,
            ["S"] = scores,
            ["W"] = why,
        };
        if (states.Count > 0) result["X"] = states;
        if (Slot is { } s) result["Slot"] = Date(s);
        if (DueAt() is { } due) result["DueAt"] = Date(due);
        return result;
    }

    private BsonDocument? State(OutboxItem i, int position)
    {
        if (i.Status == OutboxStatus.Pending && i.Attempts == 0 && i.NextAttemptAt == CreatedAt && i.Batch is null && i.LastError is null) return null;
        var doc = new BsonDocument { ["I"] = position };
        if (i.Status != OutboxStatus.Pending) doc["St"] = i.Status.ToString();
        if (i.Attempts != 0) doc["A"] = i.Attempts;
        if (i.NextAttemptAt != CreatedAt) doc["N"] = Date(i.NextAttemptAt);
        if (i.Batch is { } b) doc["B"] = new BsonDocument { ["Id"] = b.Id, ["SubscriptionId"] = b.SubscriptionId, ["Kind"] = b.Kind.ToString() };
        if (i.LeaseUntil is { } lease) doc["L"] = Date(lease);
        if (i.SentAt is { } sent) doc["T"] = Date(sent);
        Set(doc, "E", i.LastError);
        return doc;
    }

    public static OutboxRun FromDocument(BsonDocument d)
    {
        var subscriptionId = d["SubscriptionId"].AsString;
        var target = d["Target"].AsString;
        var createdAt = Date(d["CreatedAt"]);
        var hits = d["Hits"].AsArray.Select(h => new MatchHit(h[0].AsString, h[1].AsString)).ToArray();
        var papers = d["P"].AsArray;
        var scores = d["S"].AsArray;
        var why = d["W"].AsArray;
        var items = new List<OutboxItem>(papers.Count);
        for (int k = 0, w = 0; k < papers.Count; k++)
        {
            var paper = PaperId.Parse(papers[k].AsString);
            var reasons = new MatchHit[why[w++].AsInt32];
            for (var r = 0; r < reasons.Length; r++) reasons[r] = hits[why[w++].AsInt32];
            items.Add(new OutboxItem
            {
                Id = OutboxItem.KeyOf(subscriptionId, paper), SubscriptionId = subscriptionId, PaperId = paper, Target = target,
                Why = reasons, Score = scores[k].AsDouble, CreatedAt = createdAt, NextAttemptAt = createdAt,
            });
        }
        if (d["X"].IsArray)
        {
            foreach (var value in d["X"].AsArray)
            {
                var x = value.AsDocument;
                var k = x["I"].AsInt32;
                var b = x["B"];
                items[k] = items[k] with
                {
                    Status = x["St"].IsString ? Enum.Parse<OutboxStatus>(x["St"].AsString) : OutboxStatus.Pending,
                    Attempts = x["A"].IsNumber ? x["A"].AsInt32 : 0,
                    NextAttemptAt = NullableDate(x["N"]) ?? createdAt,
                    Batch = b.IsDocument ? new BatchRef(b["Id"].AsString, b["SubscriptionId"].AsString, Enum.Parse<BatchKind>(b["Kind"].AsString)) : null,
                    LeaseUntil = NullableDate(x["L"]),
                    SentAt = NullableDate(x["T"]),
                    LastError = NullableString(x["E"]),
                };
            }
        }
        return new OutboxRun
        {
            Id = d["_id"].AsObjectId, SubscriptionId = subscriptionId, Target = target, CreatedAt = createdAt,
            Slot = NullableDate(d["Slot"]), Items = items,
        };
    }
}
