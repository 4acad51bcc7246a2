using Lucene.Net.Index;
using Lucene.Net.Queries;
using PaperBot.Core.Queries;
using PaperBot.Search.Indexing;
using LuceneQuery = Lucene.Net.Search.Query;

namespace PaperBot.Search.Querying;

/// <summary>
/// Multiplies each hit's relevance by <see cref="MatchScoring.UpvoteBoost"/> (1 + log10(1 + upvotes)), read from doc
/// values: popular papers rise without drowning a better text match.
/// </summary>
internal sealed class UpvoteBoostQuery(LuceneQuery query) : CustomScoreQuery(query)
{
    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) =>
        new Provider(context, context.AtomicReader.GetNumericDocValues(PaperFields.Upvotes));

    public override string ToString(string field) => $"upvote-boost({SubQuery.ToString(field)})";

    private sealed class Provider(AtomicReaderContext context, NumericDocValues? upvotes) : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) =>
            subQueryScore * (float)MatchScoring.UpvoteBoost(upvotes is null ? 0 : (int)upvotes.Get(doc));
    }
}
