using Lucene.Net.Search;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Search.Highlighting;
using PaperBot.Search.Indexing;
using PaperBot.Search.Querying;

namespace PaperBot.Search;

/// <summary>
/// <see cref="IPaperSearch"/> over the Lucene index: the query language is parsed and validated first (errors come back
/// as values), translated by <see cref="QueryTranslator"/>, and the page's papers are read from the store and highlighted.
/// <see cref="SearchRequest.Limit"/> is capped at <see cref="SearchRequest.MaxLimit"/>; pages end at <see cref="MaxDepth"/>
/// (a page beyond it is empty, its total still counted).
/// </summary>
public sealed class PaperSearch(SearchIndex index, IPaperStore store, TimeProvider time) : IPaperSearch
{
    /// <summary>How deep paging may go (offset + limit): deeper pages would cost a priority queue that large.</summary>
    public const int MaxDepth = 10_000;

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        if (query is null && request.Text is not null)
        {
            var parsed = QueryParser.Parse(request.Text);
            if (!parsed.IsSuccess) return SearchResults.Failed(parsed.Error);
            query = parsed.Query;
        }
        var offset = Math.Max(0, request.Offset);
        var limit = Math.Clamp(request.Limit, 0, Math.Clamp(MaxDepth - offset, 0, SearchRequest.MaxLimit));
        var filter = request.Since is not null || request.Until is not null ? SearchPage.Between(request.Since, request.Until) : null;
        var lucene = query is null ? new MatchAllDocsQuery() : QueryTranslator.Translate(query.Root);
        var (hits, total) = SearchPage.Run(index, lucene, filter, request.Sort, offset, limit);

        var leaves = query is null ? null : new QueryLeaves(query.Root);
        var results = new List<SearchHit>(hits.Count);
        var papers = store.FindMany([.. hits.Select(h => h.Id)]);
        foreach (var (id, score) in hits)
        {
            if (!papers.TryGetValue(id, out var paper)) continue;
            results.Add(leaves is null
                ? new SearchHit(paper, score, paper.Title, paper.Abstract)
                : new SearchHit(paper, score,
                    SnippetBuilder.Highlight(paper.Title, leaves, QueryField.Title),
                    SnippetBuilder.Snippet(paper.Abstract, leaves, QueryField.Abstract)));
        }
        return new SearchResults(results, total);
    }

    // From the store: its date index reads the newest page directly, while the index would sort every paper's date
    // (0.06 ms against several ms; docs/benchmarks-search.md).
    public IReadOnlyList<Paper> Latest(int count, string? source = null) => store.Latest(Math.Clamp(count, 0, SearchRequest.MaxLimit), source);

    // From the index: a date range and an upvote sort over the window's doc values, where the store has no upvote
    // index and would read every paper of the window.
    public IReadOnlyList<Paper> Trending(int count, int days = 7)
    {
        var since = time.GetUtcNow().AddDays(-Math.Max(1, days));
        var upvoted = NumericRangeQuery.NewInt32Range(PaperFields.Upvotes, PaperFields.UpvotesPrecisionStep, 1, null, minInclusive: true, maxInclusive: true);
        var (hits, _) = SearchPage.Run(index, upvoted, SearchPage.Since(since), SearchSort.MostUpvoted, 0, Math.Clamp(count, 0, SearchRequest.MaxLimit));
        return [.. hits.Select(h => store.Find(h.Id)).OfType<Paper>()];
    }
}
