using Lucene.Net.Index;
using Lucene.Net.Search;
using PaperBot.Core.Queries;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Querying;

/// <summary>
/// Keeps the top hits by relevance × <see cref="MatchScoring.UpvoteBoost"/> (1 + log10(1 + upvotes), from doc values):
/// popular papers rise without drowning a better text match. Boosting here rather than in a wrapping query leaves
/// Lucene free to score disjunctions out of order with its faster bucket scorer (every unfielded word is title OR abstract).
/// </summary>
internal sealed class UpvoteBoostCollector(int count) : ICollector
{
    private static readonly float[] Boosts = [.. Enumerable.Range(0, 1024).Select(u => (float)MatchScoring.UpvoteBoost(u))];

    private readonly TopScoreDocCollector _top = TopScoreDocCollector.Create(count, docsScoredInOrder: false);
    private readonly BoostedScorer _scorer = new();

    public int TotalHits => _top.TotalHits;

    public bool AcceptsDocsOutOfOrder => true;

    public TopDocs GetTopDocs() => _top.GetTopDocs();

    public void SetScorer(Scorer scorer)
    {
        _scorer.Inner = scorer;
        _top.SetScorer(_scorer);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _scorer.Upvotes = context.AtomicReader.GetNumericDocValues(PaperFields.Upvotes);
        _top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        _scorer.Doc = doc;
        _top.Collect(doc);
    }

    private static float Boost(long upvotes) => upvotes < Boosts.Length ? Boosts[upvotes] : (float)MatchScoring.UpvoteBoost((int)Math.Min(upvotes, int.MaxValue));

    // What the top-docs collector sees: the inner score times the current document's boost.
    private sealed class BoostedScorer() : Scorer(null)
    {
        public Scorer Inner { get; set; } = null!;
        public NumericDocValues? Upvotes { get; set; }
        public int Doc { get; set; }

        public override float GetScore() => Inner.GetScore() * (Upvotes is null ? 1f : Boost(Math.Max(0, Upvotes.Get(Doc))));

        public override int DocID => Doc;
        public override int Freq => Inner.Freq;
        public override int NextDoc() => throw new NotSupportedException("collector-side view of a scorer");
        public override int Advance(int target) => throw new NotSupportedException("collector-side view of a scorer");
        public override long GetCost() => Inner.GetCost();
    }
}
