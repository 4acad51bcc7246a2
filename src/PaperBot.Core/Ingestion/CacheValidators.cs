namespace PaperBot.Core.Ingestion;

/// <summary>Conditional-GET validators per request URL: <c>ETag</c> (sent back as <c>If-None-Match</c>)
/// and <c>Last-Modified</c> (sent back as <c>If-Modified-Since</c>).</summary>
public sealed record CacheValidators(IReadOnlyDictionary<string, string> ETags, IReadOnlyDictionary<string, string> LastModified)
{
    public static CacheValidators None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>These validators with <paramref name="newer"/>'s entries added or replaced.</summary>
    public CacheValidators With(CacheValidators newer) => new(Overlay(ETags, newer.ETags), Overlay(LastModified, newer.LastModified));

    private static Dictionary<string, string> Overlay(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var merged = new Dictionary<string, string>(a, StringComparer.Ordinal);
        foreach (var (k, v) in b) merged[k] = v;
        return merged;
    }
}
