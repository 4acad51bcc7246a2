using PaperBot.Core.Papers;

namespace PaperBot.Core.Storage;

/// <summary>Retention (<c>Storage:RetentionDays</c>): old papers that nothing references leave the store, and a
/// tombstone of each id stays, so a source bringing one again does not make it new (nobody is alerted twice).</summary>
public interface IPaperRetention
{
    /// <summary>Deletes the papers first stored before <paramref name="storedBefore"/> that no open outbox item (pending,
    /// sending, failed: not yet delivered, or waiting in a digest) and no pending alert references; returns their ids.</summary>
    IReadOnlyList<PaperId> Prune(DateTimeOffset storedBefore);

    /// <summary>Whether a paper with this id was pruned.</summary>
    bool IsTombstoned(PaperId id);
}
