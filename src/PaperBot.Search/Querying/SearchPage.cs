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
    public static (IReadOnlyList<(PaperId Id, float Score)> Hits, int Total) Run(
        SearchIndex index, LuceneQuery query, Filter? filter, SearchSort sort, int offset, int limit) =>
        index.Read(searcher =>
        {
            var wanted = limit == 0 ? 1 : offset + limit; // Lucene needs room for one hit even when only counting
            var top = sort == SearchSort.Relevance
                ? ByRelevance(searcher, query, filter, wanted)
                : searcher.Search(query, filter, wanted, SortFor(sort), doDocScores: true, doMaxScore: false);
            var hits = top.ScoreDocs.Skip(offset).Take(limit)
                .Select(hit => (IdOf(searcher.IndexReader, hit.Doc), hit.Score))
                .ToList();
            return ((IReadOnlyList<(PaperId, float)>)hits, top.TotalHits);
        });

    private static PaperId IdOf(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var id = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(PaperFields.Id).Get(doc - leaf.DocBase, id);
        return PaperId.Parse(id.Utf8ToString());
    }

    // The boost lives in a collector, which Lucene would run over the segments one after another; instead each
    // segment gets its own collector on its own core, and their top hits are merged.
    private static TopDocs ByRelevance(IndexSearcher searcher, LuceneQuery query, Filter? filter, int wanted)
    {
        var leaves = searcher.IndexReader.Leaves;
        if (leaves.Count <= 1 || searcher is not LeafSearcher leafSearcher)
        {
            var collector = new UpvoteBoostCollector(Math.Min(wanted, Math.Max(1, searcher.IndexReader.MaxDoc)));
            searcher.Search(query, filter, collector);
            return collector.GetTopDocs();
        }
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var perLeaf = new TopDocs[leaves.Count];
        Parallel.For(0, leaves.Count, i =>
        {
            var collector = new UpvoteBoostCollector(Math.Min(wanted, Math.Max(1, leaves[i].AtomicReader.MaxDoc)));
            leafSearcher.SearchLeaf(leaves[i], weight, collector);
            perLeaf[i] = collector.GetTopDocs();
        });
        return TopDocs.Merge(null, wanted, perLeaf);
    }

    public static Sort SortFor(SearchSort sort) => sort switch
    {
        SearchSort.Newest => new Sort(new SortField(PaperFields.Date, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE),
        SearchSort.MostUpvoted => new Sort(
            new SortField(PaperFields.Upvotes, SortFieldType.INT64, reverse: true),
            new SortField(PaperFields.Date, SortFieldType.INT64, reverse: true)),
        _ => Sort.RELEVANCE,
    };

    public static Filter Since(DateTimeOffset since) =>
        NumericRangeFilter.NewInt64Range(PaperFields.Date, since.ToUnixTimeMilliseconds(), null, minInclusive: true, maxInclusive: true);
}
