using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Sources.Tests.Fakes;

/// <summary>An in-memory paper store with the real merge rules (<see cref="PaperMerger"/>).</summary>
internal sealed class InMemoryPaperStore(TimeProvider time) : IPaperStore
{
    private readonly Dictionary<PaperId, Paper> _papers = [];
    private readonly HashSet<PaperId> _pending = [];

    public StoreResult Save(IReadOnlyList<Paper> papers, string source, IReadOnlySet<PaperId>? alertFor = null)
    {
        var results = new List<MergeResult>();
        foreach (var group in papers.GroupBy(p => p.Id))
        {
            // Papers with the same id in one batch are merged first, as the real store does.
            var incoming = group.Aggregate((a, b) => PaperMerger.Merge(a, b, source, time.GetUtcNow()).Paper);
            _papers.TryGetValue(group.Key, out var stored);
            var result = PaperMerger.Merge(stored, incoming, source, time.GetUtcNow());
            _papers[group.Key] = result.Paper;
            results.Add(result);
            if (result.Change == PaperChange.New && alertFor?.Contains(group.Key) == true) _pending.Add(group.Key);
        }
        return new StoreResult(results);
    }

    public IReadOnlyList<Paper> PendingAlerts() => [.. _pending.Select(id => _papers[id])];

    public void ClearPendingAlerts(IEnumerable<PaperId> ids) => _pending.ExceptWith(ids);

    public Paper? Find(PaperId id) => _papers.GetValueOrDefault(id);

    public IReadOnlyList<Paper> Latest(int count, string? source = null) =>
        [.. _papers.Values.Where(p => source is null || p.HasSource(source)).OrderByDescending(p => p.PublishedAt ?? p.FirstSeenAt).Take(count)];

    public IEnumerable<Paper> Stream(DateTimeOffset? since = null) => _papers.Values.Where(p => since is null || p.LastStoredAt >= since);

    public int Count() => _papers.Count;
}
