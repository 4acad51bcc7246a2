using PaperBot.Core.Papers;

namespace PaperBot.Core.Search;

/// <summary>
/// Keeps the search index in step with the paper store. The index is derived data: call <see cref="Index"/> after
/// every <c>IPaperStore.Save</c> with the new and updated papers it returned; <see cref="Rebuild"/> recreates it from the store.
/// </summary>
public interface IPaperIndexer
{
    /// <summary>Adds or replaces these papers (matched by id) and commits them as one batch.</summary>
    void Index(IReadOnlyCollection<Paper> papers);

    /// <summary>Removes these papers (pruned from the store by retention) and commits.</summary>
    void Remove(IReadOnlyCollection<PaperId> ids);

    /// <summary>Throws the index away and indexes every stored paper again; returns how many.</summary>
    int Rebuild(CancellationToken cancellationToken = default);
}
