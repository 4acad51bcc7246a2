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
    // Each segment gets its own collector on its own core; their best hits are merged.
    public static (IReadOnlyList<(PaperId Id, float Score)> Hits, int Total) Run(
        SearchIndex index, LuceneQuery query, Filter? filter, SearchSort sort, int offset, int limit) =>
        index.Read(searcher =>
        {
            var leaves = searcher.IndexReader.Leaves;
            var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
            var collectors = new TopHitsCollector[leaves.Count];
            Parallel.For(0, leaves.Count, i =>
            {
                collectors[i] = new TopHitsCollector(i, offset + limit, sort);
                ((LeafSearcher)searcher).SearchLeaf(leaves[i], weight, collectors[i]);
            });
            var ranked = collectors.SelectMany(c => c.Hits).ToArray();
            Array.Sort(ranked, (a, b) => RankedHit.Compare(a, b));
            var hits = ranked.Skip(offset).Take(limit)
                .Select(hit => (IdOf(leaves[hit.Leaf], hit.Doc), hit.Score))
                .ToList();
            return ((IReadOnlyList<(PaperId, float)>)hits, collectors.Sum(c => c.TotalHits));
        });

    private static PaperId IdOf(AtomicReaderContext leaf, int doc)
    {
        var id = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(PaperFields.Id).Get(doc, id);
        return PaperId.Parse(id.Utf8ToString());
    }

    public static Filter Since(DateTimeOffset since) =>
        NumericRangeFilter.NewInt64Range(PaperFields.Date, since.ToUnixTimeMilliseconds(), null, minInclusive: true, maxInclusive: true);
}
