using System.Globalization;
using LiteDB;

namespace PaperBot.Storage.Mapping;

/// <summary>
/// Outbox run ids: the run's target hash (<see cref="OutboxRun.TargetHash"/>) in the high 32 bits and a sequence
/// number in the low 32, so a target's runs are one range of the primary key, in the order they were written. Every
/// index costs a skip-list walk on each of the day's ~600k inserts; this one replaces a second index on the hash.
/// The sequence lives in the settings collection and is written in the transaction that uses it; it wraps after 2^32
/// runs (about twenty years of days at a million subscriptions), long after the runs it could meet are delivered.
/// </summary>
internal sealed class RunIds
{
    private const string Key = "outbox-run-sequence";
    private readonly ILiteCollection<BsonDocument> _settings;
    private uint _next;

    private RunIds(ILiteCollection<BsonDocument> settings, uint next) => (_settings, _next) = (settings, next);

    /// <summary>Reads the sequence; call <see cref="Save"/> in the same transaction once the ids are used.</summary>
    public static RunIds Open(ILiteCollection<BsonDocument> settings) =>
        new(settings, settings.FindById(Key)?["Value"] is { IsString: true } v ? uint.Parse(v.AsString, CultureInfo.InvariantCulture) : 0);

    public long Next(string target) => (long)OutboxRun.TargetHash(target) << 32 | unchecked(_next++);

    public void Save() => _settings.Upsert(new BsonDocument { ["_id"] = Key, ["Value"] = _next.ToString(CultureInfo.InvariantCulture) });

    /// <summary>The ids a target's runs can have (shared with any target of the same hash: readers compare the target).</summary>
    public static BsonExpression RangeOf(string target)
    {
        var low = (long)OutboxRun.TargetHash(target) << 32;
        return Query.Between("_id", low, low | uint.MaxValue);
    }
}
