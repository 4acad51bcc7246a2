using LiteDB;
using PaperBot.Core.Storage;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

public sealed class LiteDbSourceStateStore(LiteDbContext context) : ISourceStateStore
{
    public SourceState Get(string source)
    {
        var doc = context.SourceStates.FindById(source);
        return doc is null ? new SourceState { Source = source } : ToState(doc);
    }

    public void Put(SourceState state) => WriteTransaction.Run(context, "a source's state", () => context.SourceStates.Upsert(ToDocument(state)));

    public IReadOnlyList<SourceState> All() => context.SourceStates.FindAll().Select(ToState).ToList();

    private static BsonDocument ToDocument(SourceState s)
    {
        var doc = new BsonDocument
        {
            ["_id"] = s.Source,
            ["ConsecutiveFailures"] = s.ConsecutiveFailures,
            ["ItemsSeen"] = s.ItemsSeen,
            ["BaselineRecorded"] = s.BaselineRecorded,
            // Request URLs contain dots, which BSON keys must not: validators are stored as pairs.
            ["ETags"] = Pairs(s.ETags),
            ["LastModified"] = Pairs(s.LastModified),
        };
        if (s.LastRunAt is { } run) doc["LastRunAt"] = Date(run);
        if (s.LastSuccessAt is { } ok) doc["LastSuccessAt"] = Date(ok);
        if (s.LastErrorAt is { } err) doc["LastErrorAt"] = Date(err);
        if (s.FailingSince is { } since) doc["FailingSince"] = Date(since);
        Set(doc, "LastError", s.LastError);
        return BsonText.Whole(doc);
    }

    private static SourceState ToState(BsonDocument d) => new()
    {
        Source = d["_id"].AsString,
        LastRunAt = NullableDate(d["LastRunAt"]),
        LastSuccessAt = NullableDate(d["LastSuccessAt"]),
        LastErrorAt = NullableDate(d["LastErrorAt"]),
        LastError = NullableString(d["LastError"]),
        ConsecutiveFailures = d["ConsecutiveFailures"].AsInt32,
        FailingSince = NullableDate(d["FailingSince"]),
        ItemsSeen = d["ItemsSeen"].AsInt64,
        BaselineRecorded = d["BaselineRecorded"].AsBoolean,
        ETags = Dictionary(d["ETags"]),
        LastModified = Dictionary(d["LastModified"]),
    };

    private static BsonArray Pairs(IReadOnlyDictionary<string, string> map) =>
        new(map.Select(kv => new BsonDocument { ["Key"] = kv.Key, ["Value"] = kv.Value }));

    private static Dictionary<string, string> Dictionary(BsonValue value) =>
        value.IsArray ? value.AsArray.ToDictionary(p => p["Key"].AsString, p => p["Value"].AsString) : [];
}
