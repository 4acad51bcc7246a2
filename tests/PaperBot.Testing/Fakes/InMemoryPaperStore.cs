using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Testing.Fakes;

/// <summary>
/// The paper store in memory. <see cref="Merging"/> applies the real merge rules (<see cref="PaperMerger"/>) as the
/// LiteDB store does; <see cref="Replacing"/> stores each paper as given, so a test controls every stamp
/// (<see cref="Paper.LastStoredAt"/>, <see cref="Paper.ChangedAt"/>) the search index reads.
/// </summary>
public sealed class InMemoryPaperStore : IPaperStore
{
    private readonly Dictionary<PaperId, Paper> _papers = [];
    private readonly HashSet<PaperId> _pending = [];
    private readonly TimeProvider? _mergeTime;

    private InMemoryPaperStore(TimeProvider? mergeTime) => _mergeTime = mergeTime;

    public static InMemoryPaperStore Merging(TimeProvider time) => new(time);

    public static InMemoryPaperStore Replacing() => new(null);

    public StoreResult Save(IReadOnlyList<Paper> papers, string source, IReadOnlySet<PaperId>? alertFor = null)
    {
        var results = new List<MergeResult>();
        foreach (var group in papers.GroupBy(p => p.Id))
        {
            var result = _mergeTime is { } time ? Merge(group, source, time.GetUtcNow()) : Replace(group.Last());
            _papers[group.Key] = result.Paper;
            results.Add(result);
            if (result.Change == PaperChange.New && alertFor?.Contains(group.Key) == true) _pending.Add(group.Key);
        }
        return new StoreResult(results);
    }

    // Papers with the same id in one batch are merged first, as the real store does.
    private MergeResult Merge(IEnumerable<Paper> group, string source, DateTimeOffset now)
    {
        var incoming = group.Aggregate((a, b) => PaperMerger.Merge(a, b, source, now).Paper);
        _papers.TryGetValue(incoming.Id, out var stored);
        return PaperMerger.Merge(stored, incoming, source, now);
    }

    private MergeResult Replace(Paper paper) =>
        new(paper, _papers.ContainsKey(paper.Id) ? PaperChange.Updated : PaperChange.New, []);

    public IReadOnlyList<Paper> PendingAlerts() => [.. _pending.Select(id => _papers[id])];

    public void ClearPendingAlerts(IEnumerable<PaperId> ids) => _pending.ExceptWith(ids);

    public Paper? Find(PaperId id) => _papers.GetValueOrDefault(id);

    public IReadOnlyList<Paper> Latest(int count, string? source = null) =>
        [.. _papers.Values.Where(p => source is null || p.HasSource(source)).OrderByDescending(p => p.PublishedAt ?? p.FirstSeenAt).Take(count)];

    public IEnumerable<Paper> Stream(DateTimeOffset? since = null) =>
        [.. _papers.Values.Where(p => since is null || p.LastStoredAt >= since).OrderBy(p => p.LastStoredAt)];

    public int Count() => _papers.Count;
}
