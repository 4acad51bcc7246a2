using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>What storing a batch did to each paper.</summary>
public sealed record StoreResult(IReadOnlyList<MergeResult> Results)
{
    public IEnumerable<Paper> New => Results.Where(r => r.Change == PaperChange.New).Select(r => r.Paper);
    public IEnumerable<Paper> Updated => Results.Where(r => r.Change == PaperChange.Updated).Select(r => r.Paper);
    public int NewCount => Results.Count(r => r.Change == PaperChange.New);
    public int UpdatedCount => Results.Count(r => r.Change == PaperChange.Updated);
    public int UnchangedCount => Results.Count(r => r.Change == PaperChange.Unchanged);
}

/// <summary>
/// The paper store decides what is new. Synchronous on purpose: the embedded database's transactions are bound
/// to a thread and must never span an <c>await</c>.
/// </summary>
public interface IPaperStore
{
    /// <summary>Merges each paper into its stored record in one batch and reports new / updated / unchanged.
    /// Papers with the same id within the batch are merged first. New papers listed in <paramref name="alertFor"/>
    /// are also marked "alert pending" in the same transaction, so that a crash before their alerts are queued
    /// loses nothing (<see cref="PendingAlerts"/>).</summary>
    StoreResult Save(IReadOnlyList<Paper> papers, string source, IReadOnlySet<PaperId>? alertFor = null);

    /// <summary>New papers whose alerts were not yet queued (a crash between storing and matching).</summary>
    IReadOnlyList<Paper> PendingAlerts();

    /// <summary>Their alerts are queued: forget the marks.</summary>
    void ClearPendingAlerts(IEnumerable<PaperId> ids);

    Paper? Find(PaperId id);

    /// <summary>The stored papers among <paramref name="ids"/>, by id (a page of search hits in one read).</summary>
    IReadOnlyDictionary<PaperId, Paper> FindMany(IReadOnlyCollection<PaperId> ids) =>
        ids.Distinct().Select(Find).OfType<Paper>().ToDictionary(p => p.Id);

    /// <summary>Newest first, by publication date (first-seen date when unknown).</summary>
    IReadOnlyList<Paper> Latest(int count, string? source = null);

    /// <summary>Every paper, or those first stored or changed at or after <paramref name="since"/>
    /// (<see cref="Paper.LastStoredAt"/>): for rebuilding derived data and replaying what it missed.</summary>
    IEnumerable<Paper> Stream(DateTimeOffset? since = null);

    int Count();
}
