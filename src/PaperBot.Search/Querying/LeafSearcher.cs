using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PaperBot.Search.Querying;

/// <summary>
/// An index searcher that runs one segment at a time (<see cref="SearchLeaf"/>), so <see cref="SearchPage"/> can spread
/// segments over the cores, and that reads each new segment's <see cref="SegmentColumns"/> before its first search.
/// </summary>
internal sealed class LeafSearcher : IndexSearcher
{
    public LeafSearcher(IndexReader reader) : base(reader)
    {
        foreach (var leaf in reader.Leaves) _ = SegmentColumns.Of(leaf.AtomicReader);
    }

    public void SearchLeaf(AtomicReaderContext leaf, Weight weight, ICollector collector) => Search([leaf], weight, collector);
}
