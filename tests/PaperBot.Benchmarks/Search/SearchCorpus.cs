using PaperBot.Benchmarks.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Benchmarks.Search;

/// <summary>
/// The matching benchmark's seeded papers (ML vocabulary, Zipf words, collocations, plurals, hyphens, authors, categories),
/// made unique (ids <c>25MM.NNNNN</c>) and spread over two years of publication dates, held in memory as the store.
/// </summary>
internal sealed class SearchCorpus : IPaperStore
{
    private const int Chunk = 10_000;
    public static readonly DateTimeOffset Start = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    private readonly Paper[] _papers;
    private readonly Dictionary<PaperId, int> _byId;

    public SearchCorpus(MatchingWorkload workload, int count)
    {
        _papers = new Paper[count];
        Parallel.For(0, (count + Chunk - 1) / Chunk, chunk =>
        {
            var generated = workload.Papers(Math.Min(Chunk, count - chunk * Chunk), seed: 1000 + chunk);
            for (var i = 0; i < generated.Count; i++)
            {
                var n = chunk * Chunk + i;
                var published = Start + Span * (n / (double)count);
                _papers[n] = generated[i] with
                {
                    Id = PaperId.Parse($"25{1 + n / 100_000:D2}.{n % 100_000:D5}"),
                    PublishedAt = published,
                    FirstSeenAt = published.AddHours(6),
                };
            }
        });
        _byId = new Dictionary<PaperId, int>(count);
        for (var i = 0; i < count; i++) _byId[_papers[i].Id] = i;
    }

    public IReadOnlyList<Paper> All => _papers;

    public DateTimeOffset End => Start + Span;

    public StoreResult Save(IReadOnlyList<Paper> papers, string source, IReadOnlySet<PaperId>? alertFor = null) => throw new NotSupportedException("read-only corpus");

    public IReadOnlyList<Paper> PendingAlerts() => [];

    public void ClearPendingAlerts(IEnumerable<PaperId> ids) => throw new NotSupportedException("read-only corpus");

    public Paper? Find(PaperId id) => _byId.TryGetValue(id, out var i) ? _papers[i] : null;

    // Papers are generated in date order, so the newest are the last ones.
    public IReadOnlyList<Paper> Latest(int count, string? source = null) =>
        [.. _papers.Reverse().Where(p => source is null || p.HasSource(source)).Take(count)];

    public IEnumerable<Paper> Stream(DateTimeOffset? since = null) => since is null ? _papers : _papers.Where(p => p.LastStoredAt >= since);

    public int Count() => _papers.Length;
}
