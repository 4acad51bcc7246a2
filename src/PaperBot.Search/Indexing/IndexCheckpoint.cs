using System.Globalization;

namespace PaperBot.Search.Indexing;

/// <summary>
/// Stored in each Lucene commit's user data, so it is exactly as durable as the documents it describes:
/// the schema version the index was built with, and the latest <see cref="Core.Papers.Paper.LastStoredAt"/> of any
/// paper it holds (on open, papers the store stored or changed after it are replayed).
/// </summary>
internal sealed record IndexCheckpoint(int SchemaVersion, DateTimeOffset? StoredUpTo)
{
    private const string VersionKey = "paperbot.schema";
    private const string StoredKey = "paperbot.stored-up-to";

    public static IndexCheckpoint Empty { get; } = new(PaperFields.SchemaVersion, null);

    /// <summary>This checkpoint moved up to cover <paramref name="stored"/>.</summary>
    public IndexCheckpoint Covering(DateTimeOffset stored) =>
        StoredUpTo is { } seen && seen >= stored ? this : this with { StoredUpTo = stored };

    public IDictionary<string, string> ToUserData()
    {
        var data = new Dictionary<string, string> { [VersionKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture) };
        if (StoredUpTo is { } seen) data[StoredKey] = seen.UtcTicks.ToString(CultureInfo.InvariantCulture);
        return data;
    }

    /// <summary>The checkpoint of a commit; version 0 when the commit has none (not written by this code).</summary>
    public static IndexCheckpoint FromUserData(IDictionary<string, string> data)
    {
        var version = data.TryGetValue(VersionKey, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        DateTimeOffset? seen = data.TryGetValue(StoredKey, out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
        return new IndexCheckpoint(version, seen);
    }
}
