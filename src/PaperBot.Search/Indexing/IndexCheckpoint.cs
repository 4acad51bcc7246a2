using System.Globalization;

namespace PaperBot.Search.Indexing;

/// <summary>
/// Stored in each Lucene commit's user data, so it is exactly as durable as the documents it describes:
/// the schema version the index was built with, and the latest <see cref="Core.Papers.Paper.LastStoredAt"/> of any
/// paper it holds (on open, papers the store stored or changed after it are replayed).
/// </summary>
internal sealed record IndexCheckpoint(int SchemaVersion, DateTimeOffset? SeenUpTo)
{
    private const string VersionKey = "paperbot.schema";
    private const string SeenKey = "paperbot.seen-up-to";

    public static IndexCheckpoint Empty { get; } = new(PaperFields.SchemaVersion, null);

    /// <summary>This checkpoint moved up to cover <paramref name="stored"/>.</summary>
    public IndexCheckpoint Covering(DateTimeOffset stored) =>
        SeenUpTo is { } seen && seen >= stored ? this : this with { SeenUpTo = stored };

    public IDictionary<string, string> ToUserData()
    {
        var data = new Dictionary<string, string> { [VersionKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture) };
        if (SeenUpTo is { } seen) data[SeenKey] = seen.UtcTicks.ToString(CultureInfo.InvariantCulture);
        return data;
    }

    /// <summary>The checkpoint of a commit; version 0 when the commit has none (not written by this code).</summary>
    public static IndexCheckpoint FromUserData(IDictionary<string, string> data)
    {
        var version = data.TryGetValue(VersionKey, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        DateTimeOffset? seen = data.TryGetValue(SeenKey, out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
        return new IndexCheckpoint(version, seen);
    }
}
