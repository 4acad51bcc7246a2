using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Search.Tests.Support;

/// <summary>The paper store as the index sees it: save replaces by id, stream by <see cref="Paper.LastStoredAt"/>.</summary>
public sealed class InMemoryPaperStore : IPaperStore
{
    private readonly Dictionary<PaperId, Paper> _papers = [];

    public StoreResult Save(IReadOnlyList<Paper> papers, string source, IReadOnlySet<PaperId>? alertFor = null)
    {
        var results = new List<MergeResult>();
        foreach (var paper in papers)
        {
            var change = _papers.ContainsKey(paper.Id) ? PaperChange.Updated : PaperChange.New;
            _papers[paper.Id] = paper;
            results.Add(new MergeResult(paper, change, []));
        }
        return new StoreResult(results);
    }

    public IReadOnlyList<Paper> PendingAlerts() => [];

    public void ClearPendingAlerts(IEnumerable<PaperId> ids)
    {
    }

    public Paper? Find(PaperId id) => _papers.GetValueOrDefault(id);

    public IReadOnlyList<Paper> Latest(int count, string? source = null) =>
        [.. _papers.Values.Where(p => source is null || p.HasSource(source)).OrderByDescending(p => p.PublishedAt ?? p.FirstSeenAt).Take(count)];

    public IEnumerable<Paper> Stream(DateTimeOffset? since = null)
    {
        return [.. _papers.Values.Where(p => since is null || p.LastStoredAt >= since).OrderBy(p => p.LastStoredAt)];
    }

    public int Count() => _papers.Count;
}
