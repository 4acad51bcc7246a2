using LiteDB;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage.Mapping;

internal static class OutboxMapping
{
    public static BsonDocument ToDocument(OutboxItem item)
    {
        var doc = new BsonDocument
        {
            ["_id"] = item.Id,
            ["SubscriptionId"] = item.SubscriptionId,
            ["PaperId"] = item.PaperId.Value,
            ["Target"] = item.Target,
            ["TargetPaper"] = OutboxItem.DeliveredKeyOf(item.Target, item.PaperId),
            ["Why"] = new BsonArray(item.Why.Select(w => new BsonDocument { ["Field"] = w.Field, ["Text"] = w.Text })),
            ["Score"] = item.Score,
            ["Status"] = item.Status.ToString(),
            ["Attempts"] = item.Attempts,
            ["CreatedAt"] = Date(item.CreatedAt),
            ["NextAttemptAt"] = Date(item.NextAttemptAt),
        };
        if (item.Batch is { } b) SetBatch(doc, b);
        if (item.LeaseUntil is { } lease) doc["LeaseUntil"] = Date(lease);
        if (item.SentAt is { } sent) doc["SentAt"] = Date(sent);
        Set(doc, "LastError", item.LastError);
        return doc;
    }

    public static OutboxItem ToItem(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        SubscriptionId = d["SubscriptionId"].AsString,
        PaperId = PaperId.Parse(d["PaperId"].AsString),
        Target = d["Target"].IsString ? d["Target"].AsString : "",
        Why = d["Why"].AsArray.Select(w => new MatchHit(w["Field"].AsString, w["Text"].AsString)).ToArray(),
        Score = d["Score"].AsDouble,
        Status = Enum.Parse<OutboxStatus>(d["Status"].AsString),
        Attempts = d["Attempts"].AsInt32,
        CreatedAt = Date(d["CreatedAt"]),
        NextAttemptAt = NullableDate(d["NextAttemptAt"]) ?? Date(d["CreatedAt"]),
        Batch = d["Batch"].IsDocument
            ? new BatchRef(d["Batch"]["Id"].AsString, d["Batch"]["SubscriptionId"].AsString, Enum.Parse<BatchKind>(d["Batch"]["Kind"].AsString))
            : null,
        LeaseUntil = NullableDate(d["LeaseUntil"]),
        SentAt = NullableDate(d["SentAt"]),
        LastError = NullableString(d["LastError"]),
    };

    public static void SetBatch(BsonDocument doc, BatchRef batch) =>
        doc["Batch"] = new BsonDocument { ["Id"] = batch.Id, ["SubscriptionId"] = batch.SubscriptionId, ["Kind"] = batch.Kind.ToString() };
}
