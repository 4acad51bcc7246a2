using LiteDB;
using PaperBot.Core.Outbox;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage.Mapping;

/// <summary>
/// One outbox document: the papers one subscription matched in one enqueue (a run), each an <see cref="OutboxItem"/>
/// with its own state. A day at 100k subscriptions is ~900k items but only ~60k documents, each a few fields and one
/// binary value, so the day's writes are a few bulk inserts. Fields an item has by default are left out.
/// </summary>
internal sealed class OutboxRun
{
    /// <summary>See <see cref="RunIds"/>.</summary>
    public required long Id { get; init; }
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

    /// <summary>The same run waiting for another slot (its subscription's schedule changed).</summary>
    public OutboxRun WithSlot(DateTimeOffset? slot) =>
        new() { Id = Id, SubscriptionId = SubscriptionId, Target = Target, CreatedAt = CreatedAt, Slot = slot, Items = Items };

    /// <summary>True once every item reached its target: the delivered ledger remembers them, the document can go.</summary>
    public bool Settled => Items.TrueForAll(i => i.Status == OutboxStatus.Sent);

    // Columns, not a document per item: a day writes ~900k items, and a BsonDocument each dominated the cost.
    // R: papers, scores and reasons (see RunColumns); X: the state of each item not simply pending since the run's
    // creation (I: its position).
    public BsonDocument ToDocument()
    {
        var states = new BsonArray();
        var entries = new RunEntry[Items.Count];
        for (var k = 0; k < Items.Count; k++)
        {
            var i = Items[k];
            entries[k] = new RunEntry(i.PaperId, i.Why, i.Score);
            if (State(i, k) is { } state) states.Add(state);
        }
        var result = Document(Id, SubscriptionId, Target, CreatedAt, Slot, DueAt(), entries);
        if (states.Count > 0) result["X"] = states;
        return result;
    }

    /// <summary>A new run as enqueue writes it, every item pending since <paramref name="createdAt"/>: built straight
    /// from the matches, without an item object each.</summary>
    public static BsonDocument NewDocument(long id, string subscriptionId, string target, DateTimeOffset createdAt, DateTimeOffset? slot, IReadOnlyList<RunEntry> entries) =>
        Document(id, subscriptionId, target, createdAt, slot, slot is { } s && s > createdAt ? s : createdAt, entries);

    private static BsonDocument Document(long id, string subscriptionId, string target, DateTimeOffset createdAt, DateTimeOffset? slot,
        DateTimeOffset? dueAt, IReadOnlyList<RunEntry> entries)
    {
        var result = new BsonDocument
        {
            ["_id"] = id,
            ["SubscriptionId"] = subscriptionId,
            ["Target"] = target,
            ["CreatedAt"] = Date(createdAt),
            ["R"] = RunColumns.Encode(entries),
        };
        if (slot is { } s) result["Slot"] = Date(s);
        if (dueAt is { } due) result["DueAt"] = Date(due);
        return result;
    }

    /// <summary>What a run's id begins with (<see cref="RunIds"/>): an int compares far faster than a string under the
    /// database's culture-aware collation, which every run insert paid ~log n times. Readers compare the target itself
    /// after the id range (two targets may share a hash). FNV-1a over the UTF-16 code units: stable across processes.</summary>
    public static int TargetHash(string target)
    {
        var hash = 2166136261u;
        foreach (var c in target) hash = (hash ^ c) * 16777619u;
        return unchecked((int)hash);
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

    /// <param name="shared">Shared by the runs of one read: ids and reasons are built once each.</param>
    public static OutboxRun FromDocument(BsonDocument d, RunReadCache shared) => PackedRun.Of(d).Unpack(shared);

    public static OutboxRun Unpack(PackedRun packed, RunReadCache shared)
    {
        var (id, subscriptionId, target, createdAt, slot, columns, states) = packed;
        var entries = RunColumns.Decode(columns, shared);
        var items = new List<OutboxItem>(entries.Length);
        foreach (var e in entries)
        {
            items.Add(new OutboxItem
            {
                SubscriptionId = subscriptionId, PaperId = e.Paper, Target = target,
                Why = e.Why, Score = e.Score, CreatedAt = createdAt, NextAttemptAt = createdAt,
            });
        }
        if (states is not null)
        {
            foreach (var value in states)
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
        return new OutboxRun { Id = id, SubscriptionId = subscriptionId, Target = target, CreatedAt = createdAt, Slot = slot, Items = items };
    }
}

/// <summary>A run as read, its items still encoded: what a large read keeps until a target's items are asked for
/// (a handful of objects a run instead of one per item).</summary>
internal sealed record PackedRun(long Id, string SubscriptionId, string Target, DateTimeOffset CreatedAt, DateTimeOffset? Slot, byte[] Columns, BsonArray? States)
{
    public static PackedRun Of(BsonDocument d) => new(d["_id"].AsInt64, d["SubscriptionId"].AsString, d["Target"].AsString,
        Date(d["CreatedAt"]), NullableDate(d["Slot"]), d["R"].AsBinary, d["X"].IsArray ? d["X"].AsArray : null);

    public OutboxRun Unpack(RunReadCache shared) => OutboxRun.Unpack(this, shared);
}
