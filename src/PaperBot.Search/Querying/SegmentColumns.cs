using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using PaperBot.Core.Queries;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Querying;

/// <summary>
/// A segment's dates, upvotes and upvote boosts as plain arrays, read once per segment (segments never change; deletions
/// don't touch doc values) and shared by every search. Every hit reads one of them, and a doc-values read decodes a packed
/// block through several virtual calls: with arrays a million-hit query costs a third of the time. 16 bytes per paper.
/// </summary>
internal sealed class SegmentColumns
{
    private static readonly ConditionalWeakTable<object, SegmentColumns> Cache = new();
    private static readonly float[] Boosts = [.. Enumerable.Range(0, 1024).Select(u => (float)MatchScoring.UpvoteBoost(u))];

    private SegmentColumns(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        (Dates, Upvotes, Boost) = (new long[count], new int[count], new float[count]);
        var dates = reader.GetNumericDocValues(PaperFields.Date);
        var upvotes = reader.GetNumericDocValues(PaperFields.Upvotes);
        for (var doc = 0; doc < count; doc++)
        {
            Dates[doc] = dates?.Get(doc) ?? 0;
            Upvotes[doc] = (int)Math.Clamp(upvotes?.Get(doc) ?? 0, 0, int.MaxValue);
            Boost[doc] = Upvotes[doc] < Boosts.Length ? Boosts[Upvotes[doc]] : (float)MatchScoring.UpvoteBoost(Upvotes[doc]);
        }
    }

    /// <summary>Publication (or first-seen) date in Unix milliseconds.</summary>
    public long[] Dates { get; }

    public int[] Upvotes { get; }

    /// <summary><see cref="MatchScoring.UpvoteBoost"/> of <see cref="Upvotes"/>, the factor on every relevance score.</summary>
    public float[] Boost { get; }

    /// <summary>Keyed by the segment's core, which reopened readers with new deletions share.</summary>
    public static SegmentColumns Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentColumns(reader));
}
