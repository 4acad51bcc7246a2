using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PaperBot.Search.Querying;

/// <summary>
/// An index searcher whose segments run on all cores: Lucene spreads sorted searches over the task scheduler itself,
/// and <see cref="SearchLeaf"/> lets relevance search (a custom collector, which Lucene runs serially) do the same.
/// </summary>
internal sealed class LeafSearcher(IndexReader reader) : IndexSearcher(reader, TaskScheduler.Default)
{
    public void SearchLeaf(AtomicReaderContext leaf, Weight weight, ICollector collector) => Search([leaf], weight, collector);
}
