using PaperBot.Core.Search;

namespace PaperBot.Core.Storage;

/// <summary>One retention pass: prune the store, then the search index (a crash in between leaves the index holding
/// more papers than the store, which its catch-up on the next start repairs by rebuilding).</summary>
public sealed class RetentionService(IPaperRetention retention, IPaperIndexer index, TimeProvider time)
{
    /// <returns>How many papers were pruned.</returns>
    public int Prune(TimeSpan maxAge)
    {
        var pruned = retention.Prune(time.GetUtcNow() - maxAge);
        index.Remove(pruned.ToList());
        return pruned.Count;
    }
}
