using Lucene.Net.Index;
using Lucene.Net.Search;
using PaperBot.Core.Search;

namespace PaperBot.Search.Querying;

/// <summary>One hit: its segment, its document there, and the keys it is ordered by.</summary>
internal readonly record struct RankedHit(int Leaf, int Doc, int GlobalDoc, double Primary, double Secondary, float Score)
{
    /// <summary>Best first: <see cref="Primary"/> then <see cref="Secondary"/> descending, then index order, so results are repeatable.</summary>
    public static int Compare(in RankedHit a, in RankedHit b)
    {
        var byPrimary = b.Primary.CompareTo(a.Primary);
        if (byPrimary != 0) return byPrimary;
        var bySecondary = b.Secondary.CompareTo(a.Secondary);
        return bySecondary != 0 ? bySecondary : a.GlobalDoc.CompareTo(b.GlobalDoc);
    }
}

/// <summary>
/// Counts one segment's hits and keeps its best <c>count</c> for a <see cref="SearchSort"/>. The score is relevance ×
/// upvote boost (<see cref="SegmentColumns.Boost"/>), so popular papers rise without drowning a better text match.
/// Most hits of a large result set are turned away by one array read and one comparison with the worst kept hit; the
/// score is computed only when the sort needs it. Boosting here rather than in a wrapping query leaves Lucene free to
/// score disjunctions (OR, prefixes) out of order with its bucket scorer.
/// Newest first only ranks hits published from <c>recentFrom</c> on (all hits are counted): papers are indexed roughly
/// by date, so in index order nearly every hit would be the newest yet and go through the heap.
/// </summary>
internal sealed class TopHitsCollector(int leaf, int count, SearchSort sort, long recentFrom = long.MinValue) : ICollector
{
    private readonly RankedHit[] _heap = new RankedHit[count]; // worst kept hit at the root
    private int _kept;
    private Scorer _scorer = null!;
    private SegmentColumns _columns = null!;
    private int _docBase;

    public int TotalHits { get; private set; }

    /// <summary>How many hits are kept (at most <c>count</c>).</summary>
    public int Kept => _kept;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _columns = SegmentColumns.Of(context.AtomicReader);
        _docBase = context.DocBase;
    }

    public void Collect(int doc)
    {
        TotalHits++;
        if (count == 0) return;
        var full = _kept == count;
        switch (sort)
        {
            case SearchSort.Newest:
                var date = _columns.Dates[doc];
                if (date < recentFrom || (full && date < _heap[0].Primary)) return;
                var tieBreak = Score(doc);
                Offer(doc, date, tieBreak, tieBreak, full);
                break;
            case SearchSort.MostUpvoted:
                var upvotes = _columns.Upvotes[doc];
                if (full && upvotes < _heap[0].Primary) return;
                Offer(doc, upvotes, _columns.Dates[doc], Score(doc), full);
                break;
            default:
                var score = Score(doc);
                if (full && score < _heap[0].Primary) return;
                Offer(doc, score, 0, score, full);
                break;
        }
    }

    /// <summary>The kept hits, in no particular order.</summary>
    public IEnumerable<RankedHit> Hits => _heap.Take(_kept);

    private float Score(int doc) => _scorer.GetScore() * _columns.Boost[doc];

    private void Offer(int doc, double primary, double secondary, float score, bool full)
    {
        var hit = new RankedHit(leaf, doc, _docBase + doc, primary, secondary, score);
        if (!full)
        {
            _heap[_kept] = hit;
            SiftUp(_kept++);
        }
        else if (RankedHit.Compare(hit, _heap[0]) < 0)
        {
            _heap[0] = hit;
            SiftDown(0);
        }
    }

    // A min-heap by rank: a parent is never better than its children.
    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (RankedHit.Compare(_heap[parent], _heap[at]) > 0) return;
            (_heap[parent], _heap[at]) = (_heap[at], _heap[parent]);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var (worst, left, right) = (at, 2 * at + 1, 2 * at + 2);
            if (left < _kept && RankedHit.Compare(_heap[left], _heap[worst]) > 0) worst = left;
            if (right < _kept && RankedHit.Compare(_heap[right], _heap[worst]) > 0) worst = right;
            if (worst == at) return;
            (_heap[worst], _heap[at]) = (_heap[at], _heap[worst]);
            at = worst;
        }
    }
}
