using Lucene.Net.Index;
using Lucene.Net.Search.Spans;
using Lucene.Net.Util;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Querying;

/// <summary>
/// The matches of a span query over <see cref="PaperFields.Text"/> that lie in the abstract: the title's words come
/// first there, so a match counts when it starts at or after the paper's <see cref="PaperFields.TitleLength"/>.
/// Only <c>abs:</c> queries need it; everything unfielded reads the one text field.
/// </summary>
internal sealed class InAbstractQuery(SpanQuery match) : SpanPositionCheckQuery(match)
{
    public override Spans GetSpans(AtomicReaderContext context, IBits acceptDocs, IDictionary<Term, TermContext> termContexts) =>
        new AbstractSpans(this, context, acceptDocs, termContexts);

    protected override AcceptStatus AcceptPosition(Spans spans) =>
        spans.Start >= ((AbstractSpans)spans).TitleLength(spans.Doc) ? AcceptStatus.YES : AcceptStatus.NO;

    public override string ToString(string field) => $"abstract({m_match.ToString(field)})" + ToStringUtils.Boost(Boost);

    public override bool Equals(object? obj) => obj is InAbstractQuery other && m_match.Equals(other.m_match) && Boost == other.Boost;

    public override int GetHashCode() => HashCode.Combine(m_match, Boost);

    // Per segment, so one query serves every segment's thread at once.
    private sealed class AbstractSpans(InAbstractQuery query, AtomicReaderContext context, IBits acceptDocs, IDictionary<Term, TermContext> termContexts)
        : PositionCheckSpan(query, context, acceptDocs, termContexts)
    {
        private readonly NumericDocValues? _titleLengths = context.AtomicReader.GetNumericDocValues(PaperFields.TitleLength);

        public long TitleLength(int doc) => _titleLengths?.Get(doc) ?? 0;
    }
}
