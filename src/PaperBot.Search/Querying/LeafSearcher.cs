using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PaperBot.Search.Querying;

/// <summary>
/// An index searcher that runs one segment at a time (<see cref="SearchLeaf"/>), so <see cref="SearchPage"/> can spread
/// segments over the cores, and that reads each new segment's <see cref="SegmentColumns"/> before its first search.
/// </summary>
internal sealed class LeafSearcher : IndexSearcher
{
    private const int RecentPapers = 4096;
    private const int SampleStride = 16;

    private readonly Lazy<long> _recentFrom;

    public LeafSearcher(IndexReader reader) : base(reader)
    {
        foreach (var leaf in reader.Leaves) _ = SegmentColumns.Of(leaf.AtomicReader);
        _recentFrom = new Lazy<long>(() => RecentFrom(reader));
    }

    /// <summary>
    /// A date from which about the newest 1.5% of papers (at least 4,096) were published; <see cref="long.MinValue"/>
    /// for a smaller index. Newest-first searches rank the hits from then on first (<see cref="SearchPage"/>).
    /// </summary>
    public long RecentFromDate => _recentFrom.Value;

    public void SearchLeaf(AtomicReaderContext leaf, Weight weight, ICollector collector) => Search([leaf], weight, collector);

    // From a sample of every 16th paper: the date only has to be about right, a search stays exact either way.
    private static long RecentFrom(IndexReader reader)
    {
        var recent = Math.Max(RecentPapers, reader.MaxDoc / 64) / SampleStride;
        var sample = new List<long>(reader.MaxDoc / SampleStride + reader.Leaves.Count);
        foreach (var leaf in reader.Leaves)
        {
            var dates = SegmentColumns.Of(leaf.AtomicReader).Dates;
            for (var doc = 0; doc < dates.Length; doc += SampleStride) sample.Add(dates[doc]);
        }
        if (sample.Count <= recent) return long.MinValue;
        sample.Sort();
        return sample[^(recent + 1)];
    }
}
