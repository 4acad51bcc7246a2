using Microsoft.Extensions.Logging;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;

namespace PaperBot.Search.Indexing;

/// <summary>How <see cref="PaperIndexer.CatchUp"/> brought the index level with the store.</summary>
public sealed record IndexCatchUp(int Replayed, string? RebuiltBecause, int Indexed);

/// <summary>
/// Keeps the <see cref="SearchIndex"/> in step with the <see cref="IPaperStore"/>: one commit per batch of saved papers,
/// full rebuilds from the store, and on start-up a catch-up that replays what a crash left out (papers stored or changed
/// at or after the last commit's checkpoint) or rebuilds when the index is missing, damaged, outdated or still disagrees
/// with the store's count. Writes are serialised; searches never wait for them.
/// </summary>
public sealed partial class PaperIndexer(SearchIndex index, IPaperStore store, ILogger<PaperIndexer> logger) : IPaperIndexer
{
    private readonly Lock _gate = new();

    public void Index(IReadOnlyCollection<Paper> papers)
    {
        if (papers.Count == 0) return;
        lock (_gate)
        {
            var checkpoint = index.Checkpoint;
            foreach (var paper in papers)
            {
                index.Upsert(paper);
                checkpoint = checkpoint.Covering(paper.LastStoredAt);
            }
            index.Commit(checkpoint);
        }
    }

    public void Remove(IReadOnlyCollection<PaperId> ids)
    {
        if (ids.Count == 0) return;
        lock (_gate)
        {
            foreach (var id in ids) index.Delete(id);
            index.Commit(index.Checkpoint);
        }
    }

    public int Rebuild(CancellationToken cancellationToken = default)
    {
        lock (_gate) return RebuildLocked(cancellationToken);
    }

    /// <summary>Run once after opening, before serving searches.</summary>
    public IndexCatchUp CatchUp(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (index.NeedsRebuild)
                return Rebuilt($"the index was {index.OpenState.ToString().ToLowerInvariant()}", 0, cancellationToken);

            var replayed = 0;
            var checkpoint = index.Checkpoint;
            var from = checkpoint.StoredUpTo;
            foreach (var paper in store.Stream(from))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The store streams from the checkpoint inclusive: new papers stored at that instant are usually indexed
                // already. An updated one may be indexed in its older form, so it is written again.
                if (paper.ChangedAt is null && paper.FirstSeenAt == from && index.Contains(paper.Id)) continue;
                index.Upsert(paper);
                checkpoint = checkpoint.Covering(paper.LastStoredAt);
                replayed++;
            }
            if (replayed > 0) index.Commit(checkpoint);

            var (indexed, stored) = (index.Count, store.Count());
            if (indexed != stored) return Rebuilt($"it held {indexed} papers and the store {stored}", replayed, cancellationToken);
            if (replayed > 0) LogReplayed(replayed);
            return new IndexCatchUp(replayed, null, indexed);
        }
    }

    private IndexCatchUp Rebuilt(string reason, int replayed, CancellationToken cancellationToken)
    {
        // A new database gets a new index: worth a warning only when there is something to rebuild.
        if (store.Count() > 0) LogRebuilding(reason);
        var count = RebuildLocked(cancellationToken);
        return new IndexCatchUp(replayed, reason, count);
    }

    // One commit at the end: until then searches (and a crash) see the previous index, never a half-built one.
    private int RebuildLocked(CancellationToken cancellationToken)
    {
        int count;
        try
        {
            index.Clear();
            (count, var checkpoint) = ParallelFeed.Run(store.Stream(), index.Add, cancellationToken);
            index.Commit(checkpoint, rebuilt: true);
        }
        catch
        {
            index.DiscardUncommitted();
            throw;
        }
        LogRebuilt(count);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the search index from the paper store: {Reason}")]
    private partial void LogRebuilding(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt with {Count} papers")]
    private partial void LogRebuilt(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index caught up with {Count} papers saved after its last commit")]
    private partial void LogReplayed(int count);
}
