using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Tests.Support;

/// <summary>A store, an index in a temp folder caught up with it, its indexer and search: what the host wires.</summary>
public sealed class SearchFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private bool _open;

    public SearchFixture(params Paper[] papers)
    {
        Store.Save(papers, "test");
        Open();
    }

    public InMemoryPaperStore Store { get; } = InMemoryPaperStore.Replacing();
    public FakeTimeProvider Time { get; } = new(Papers.Now);
    public string IndexPath => Path.Combine(_folder.Path, "paperbot.db.search");
    public SearchIndex Index { get; private set; } = null!;
    public PaperIndexer Indexer { get; private set; } = null!;
    public PaperSearch Search { get; private set; } = null!;
    public IndexCatchUp LastCatchUp { get; private set; } = null!;

    /// <summary>Saves to the store and indexes, as ingestion does.</summary>
    public void Save(params Paper[] papers)
    {
        var result = Store.Save(papers, "test");
        Indexer.Index([.. result.New, .. result.Updated]);
    }

    public IReadOnlyList<string> Ids(string query, SearchSort sort = SearchSort.Relevance, int limit = 100, DateTimeOffset? since = null)
    {
        var results = Search.Search(new SearchRequest { Text = query, Sort = sort, Limit = limit, Since = since });
        Assert.True(results.IsSuccess, results.Error?.Message);
        return [.. results.Hits.Select(h => h.Id.Value)];
    }

    /// <summary>Every hit of a query, page after page, as a client pages through them.</summary>
    public List<SearchHit> AllPages(Query query, SearchSort sort = SearchSort.Relevance, int pageSize = SearchRequest.MaxLimit)
    {
        var hits = new List<SearchHit>();
        for (var offset = 0; ; offset += pageSize)
        {
            var page = Search.Search(new SearchRequest { Query = query, Sort = sort, Offset = offset, Limit = pageSize });
            hits.AddRange(page.Hits);
            if (offset + pageSize >= page.Total) return hits;
        }
    }

    public void Reopen()
    {
        Close();
        Open();
    }

    public void Close()
    {
        Index.Dispose();
        _open = false;
    }

    public void Open()
    {
        Index = SearchIndex.Open(IndexPath);
        _open = true;
        Indexer = new PaperIndexer(Index, Store, NullLogger<PaperIndexer>.Instance);
        LastCatchUp = Indexer.CatchUp();
        Search = new PaperSearch(Index, Store, Time);
    }

    public void Dispose()
    {
        if (_open) Index.Dispose();
        _folder.Dispose();
    }
}
