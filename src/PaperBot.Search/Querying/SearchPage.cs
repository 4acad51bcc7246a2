using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Search.Indexing;
using LuceneQuery = Lucene.Net.Search.Query;

namespace PaperBot.Search.Querying;

/// <summary>Runs a translated query for one page: ids and scores of the hits in order, and the total count.</summary>
internal static class SearchPage
{
    // Newest first ranks only the recent hits when they fill the page: every older hit is older than all of them.
    // Otherwise (a query that matches few recent papers, or a deep page) it ranks them all in a second pass.
    public static (IReadOnlyList<(PaperId Id, float Score)> Hits, int Total) Run(
        SearchIndex index, LuceneQuery query, Filter? filter, SearchSort sort, int offset, int limit) =>
        index.Read(searcher =>
        {
            var leafSearcher = (LeafSearcher)searcher;
            var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
            var recentFrom = sort == SearchSort.Newest ? leafSearcher.RecentFromDate : long.MinValue;
            var collectors = Collect(leafSearcher, weight, sort, offset + limit, recentFrom);
            var total = collectors.Sum(c => c.TotalHits);
            if (recentFrom != long.MinValue && collectors.Sum(c => c.Kept) < Math.Min(offset + limit, total))
                collectors = Collect(leafSearcher, weight, sort, offset + limit, long.MinValue);

            var ranked = collectors.SelectMany(c => c.Hits).ToArray();
            Array.Sort(ranked, (a, b) => RankedHit.Compare(a, b));
            var leaves = searcher.IndexReader.Leaves;
            var hits = ranked.Skip(offset).Take(limit)
                .Select(hit => (IdOf(leaves[hit.Leaf], hit.Doc), hit.Score))
                .ToList();
            return ((IReadOnlyList<(PaperId, float)>)hits, total);
        });

    /// <summary>Below this many papers a query takes well under a millisecond on one core, and fanning it out would only
    /// add scheduling to every request when many arrive at once (Discord interactions).</summary>
    private const int ParallelFromDocs = 100_000;

    // Each segment gets its own collector (on its own core, in a large index); their best hits are merged by the caller.
    private static TopHitsCollector[] Collect(LeafSearcher searcher, Weight weight, SearchSort sort, int count, long recentFrom)
    {
        var leaves = searcher.IndexReader.Leaves;
        var collectors = new TopHitsCollector[leaves.Count];
        void Search(int i)
        {
            collectors[i] = new TopHitsCollector(i, count, sort, recentFrom);
            searcher.SearchLeaf(leaves[i], weight, collectors[i]);
        }
        if (leaves.Count > 1 && searcher.IndexReader.MaxDoc >= ParallelFromDocs) Parallel.For(0, leaves.Count, Search);
        else for (var i = 0; i < leaves.Count; i++) Search(i);
        return collectors;
    }

    private static PaperId IdOf(AtomicReaderContext leaf, int doc)
    {
        var id = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(PaperFields.Id).Get(doc, id);
        return PaperId.Parse(id.Utf8ToString());
    }

    public static Filter Since(DateTimeOffset since) => Between(since, null);

    /// <summary>Papers dated from <paramref name="since"/> (inclusive) to <paramref name="until"/> (exclusive); either may be open.</summary>
    public static Filter Between(DateTimeOffset? since, DateTimeOffset? until) =>
        NumericRangeFilter.NewInt64Range(PaperFields.Date, PaperFields.DatePrecisionStep, since?.ToUnixTimeMilliseconds(), until?.ToUnixTimeMilliseconds(),
            minInclusive: true, maxInclusive: false);
}
