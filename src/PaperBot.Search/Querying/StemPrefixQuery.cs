using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PaperBot.Core.Queries;

namespace PaperBot.Search.Querying;

/// <summary>
/// The stems of a stem field that start with a prefix and begin every word they stem from
/// (<see cref="PluralStemmer.KeepsPrefix"/>): for those words the stem answers the prefix, and the word fields keep only
/// the others (<see cref="Analysis.TokenMode.Words"/>). A prefix query is this or the word field's plain prefix.
/// </summary>
internal sealed class StemPrefixQuery(Term prefix) : MultiTermQuery(prefix.Field)
{
    public Term Prefix { get; } = prefix;

    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) => new KeptStems(terms.GetEnumerator(), Prefix.Bytes);

    public override string ToString(string field) => $"{(field == Field ? "" : Field + ":")}{Prefix.Text}*(stems){ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) => obj is StemPrefixQuery other && base.Equals(other) && Prefix.Equals(other.Prefix);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Prefix);

    private sealed class KeptStems(TermsEnum terms, BytesRef prefix) : PrefixTermsEnum(terms, prefix)
    {
        protected override AcceptStatus Accept(BytesRef term)
        {
            var status = base.Accept(term);
            return status == AcceptStatus.YES && !PluralStemmer.KeepsPrefix(term.Utf8ToString()) ? AcceptStatus.NO : status;
        }
    }
}
