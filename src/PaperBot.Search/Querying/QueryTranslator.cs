using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using PaperBot.Core.Queries;
using PaperBot.Search.Analysis;
using PaperBot.Search.Indexing;
using LuceneQuery = Lucene.Net.Search.Query;

namespace PaperBot.Search.Querying;

/// <summary>
/// Translates the query language's tree into Lucene queries with the same meaning as <see cref="QueryEvaluator"/>:
/// unfielded words look in title and abstract (one field holding both); words and phrases compare stems; prefixes compare folded words;
/// authors follow <see cref="AuthorNameRule"/> within one author; categories and sources are exact.
/// Boosts are <see cref="MatchScoring.FieldWeight"/>'s, so ranking agrees with digests. Lucene's own query syntax is never involved.
/// </summary>
internal static class QueryTranslator
{
    public static LuceneQuery Translate(QueryNode node) => node switch
    {
        AndNode all => And(all.Children),
        OrNode any => Or(any.Children),
        NotNode not => Everything(but: Translate(not.Child)),
        TermNode { Field: QueryField.Category } term => Boosted(new TermQuery(new Term(PaperFields.Category, term.Term)), "category"),
        TermNode { Field: QueryField.Source } term => Boosted(new TermQuery(new Term(PaperFields.Source, term.Term)), "source"),
        PhraseNode { Field: QueryField.Author } name => Boosted(Author(name.Terms), "author"),
        PrefixNode { Field: QueryField.Author } prefix => Boosted(new PrefixQuery(new Term(PaperFields.Author, prefix.Prefix)), "author"),
        TermNode term => InText(term.Field, [term.Term]),
        PhraseNode phrase => InText(phrase.Field, phrase.Terms),
        PrefixNode prefix => InWords(prefix.Field, prefix.Prefix),
        _ => throw new InvalidOperationException($"unknown query node {node.GetType().Name}"),
    };

    private static LuceneQuery And(IReadOnlyList<QueryNode> children)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var child in children)
        {
            if (child is NotNode not) query.Add(Translate(not.Child), Occur.MUST_NOT);
            else query.Add(Translate(child), Occur.MUST);
        }
        // A conjunction of exclusions alone (only possible nested, e.g. "a OR (-b -c)") matches everything else.
        if (children.All(c => c is NotNode)) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        return query;
    }

    private static LuceneQuery Or(IReadOnlyList<QueryNode> children) => Any([.. children.Select(Translate)]);

    private static LuceneQuery Everything(LuceneQuery but) => new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { but, Occur.MUST_NOT },
    };

    private sealed record TextFields(string Stems, string Pairs);

    private static readonly TextFields TitleFields = new(PaperFields.Title, PaperFields.TitlePairs);
    private static readonly TextFields TitleAndAbstract = new(PaperFields.Text, PaperFields.TextPairs);

    // Unfielded: the one text field, where the title's words are indexed with the title's weight (PaperFields.TitleWeight).
    private static LuceneQuery InText(QueryField field, IReadOnlyList<string> stems) => field switch
    {
        QueryField.Title => Boosted(Phrase(TitleFields, stems), "title"),
        QueryField.Abstract => Boosted(InAbstract(stems), "abstract"),
        _ => Boosted(Phrase(TitleAndAbstract, stems), "abstract"),
    };

    // Words whose stem begins each of them are found through their stem (StemPrefixQuery), the others in the word fields.
    private static LuceneQuery InWords(QueryField field, string prefix)
    {
        LuceneQuery Words(string words, string weight) => Boosted(new PrefixQuery(new Term(words, prefix)), weight);
        LuceneQuery Stems(string stems, string weight) => Boosted(new StemPrefixQuery(new Term(stems, prefix)), weight);
        LuceneQuery AbstractStems() => Boosted(new InAbstractQuery(new SpanMultiTermQueryWrapper<StemPrefixQuery>(new StemPrefixQuery(new Term(PaperFields.Text, prefix)))), "abstract");
        return field switch
        {
            QueryField.Title => Any(Words(PaperFields.TitleWords, "title"), Stems(PaperFields.Title, "title")),
            QueryField.Abstract => Any(Words(PaperFields.AbstractWords, "abstract"), AbstractStems()),
            _ => Any(Words(PaperFields.TitleWords, "title"), Stems(PaperFields.Title, "title"), Words(PaperFields.AbstractWords, "abstract"), Stems(PaperFields.Text, "abstract")),
        };
    }

    private static BooleanQuery Any(params LuceneQuery[] clauses)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses) query.Add(clause, Occur.SHOULD);
        return query;
    }

    // The abstract's part of the text field, by position; the pairs of common words (title's or abstract's) only filter.
    private static LuceneQuery InAbstract(IReadOnlyList<string> stems)
    {
        var spans = stems.Select(s => (SpanQuery)new SpanTermQuery(new Term(PaperFields.Text, s))).ToArray();
        var match = new InAbstractQuery(spans.Length == 1 ? spans[0] : new SpanNearQuery(spans, slop: 0, inOrder: true));
        return PairFilters(match, TitleAndAbstract, stems);
    }

    // Two common words: one pair term. Otherwise the exact phrase over stem positions, and its pairs of common words
    // (if any) as filters, which are far shorter lists than their single words; the pairs only filter, the phrase scores.
    private static LuceneQuery Phrase(TextFields fields, IReadOnlyList<string> stems)
    {
        if (stems.Count == 1) return new TermQuery(new Term(fields.Stems, stems[0]));
        if (stems.Count == 2 && CommonWords.ArePair(stems[0], stems[1])) return new TermQuery(new Term(fields.Pairs, CommonWords.PairTerm(stems[0], stems[1])));
        var phrase = new PhraseQuery();
        for (var i = 0; i < stems.Count; i++) phrase.Add(new Term(fields.Stems, stems[i]), i);
        return PairFilters(phrase, fields, stems);
    }

    private static LuceneQuery PairFilters(LuceneQuery match, TextFields fields, IReadOnlyList<string> stems)
    {
        var query = new BooleanQuery(disableCoord: true) { { match, Occur.MUST } };
        for (var i = 0; i + 1 < stems.Count; i++)
        {
            if (CommonWords.ArePair(stems[i], stems[i + 1]))
                query.Add(new TermQuery(new Term(fields.Pairs, CommonWords.PairTerm(stems[i], stems[i + 1]))) { Boost = 0 }, Occur.MUST);
        }
        return query.Clauses.Count == 1 ? match : query;
    }

    // AuthorNameRule: the last word exactly, earlier words in order before it within one author (gaps allowed);
    // a one-letter word on either side is an initial. Two words are a pair term; longer names need the span match,
    // which the pair of their last two words narrows. Papers with an over-long name have no pairs, only spans.
    private static LuceneQuery Author(IReadOnlyList<string> words)
    {
        if (words.Count == 1) return new TermQuery(new Term(PaperFields.Author, words[0]));
        var longNames = PairTerm(AuthorPairs.LongName);
        var pair = AuthorPair(words[^2], words[^1]);
        if (words.Count == 2)
        {
            return new BooleanQuery(disableCoord: true)
            {
                { pair, Occur.SHOULD },
                { new BooleanQuery(disableCoord: true) { { AuthorSpans(words), Occur.MUST }, { longNames, Occur.MUST } }, Occur.SHOULD },
            };
        }
        var narrowed = new BooleanQuery(disableCoord: true) { { pair, Occur.SHOULD }, { longNames, Occur.SHOULD } };
        narrowed.Boost = 0;
        return new BooleanQuery(disableCoord: true) { { AuthorSpans(words), Occur.MUST }, { narrowed, Occur.MUST } };
    }

    // The earlier word itself, or (as a one-letter query word) any word with its initial, or (as a longer one) its
    // initial written alone in the name.
    private static LuceneQuery AuthorPair(string earlier, string surname)
    {
        if (earlier.Length == 1) return PairTerm(AuthorPairs.Of(AuthorInitial.Marker + earlier, surname));
        var exact = PairTerm(AuthorPairs.Of(earlier, surname));
        return char.IsSurrogate(earlier[0])
            ? exact
            : new BooleanQuery(disableCoord: true)
            {
                { exact, Occur.SHOULD },
                { PairTerm(AuthorPairs.Of(earlier[..1], surname)), Occur.SHOULD },
            };
    }

    private static TermQuery PairTerm(string term) => new(new Term(PaperFields.AuthorPairs, term));

    private static SpanQuery AuthorSpans(IReadOnlyList<string> words)
    {
        var clauses = new SpanQuery[words.Count];
        for (var i = 0; i < words.Count - 1; i++) clauses[i] = AuthorWord(words[i]);
        clauses[^1] = new SpanTermQuery(new Term(PaperFields.Author, words[^1]));
        return new SpanNearQuery(clauses, PaperFields.AuthorSlop, inOrder: true);
    }

    private static SpanQuery AuthorWord(string word)
    {
        if (word.Length == 1) return new SpanTermQuery(new Term(PaperFields.Author, AuthorInitial.Marker + word));
        var exact = new SpanTermQuery(new Term(PaperFields.Author, word));
        return char.IsSurrogate(word[0])
            ? exact
            : new SpanOrQuery(exact, new SpanTermQuery(new Term(PaperFields.Author, word[..1])));
    }

    private static LuceneQuery Boosted(LuceneQuery query, string field)
    {
        query.Boost = (float)MatchScoring.FieldWeight(field);
        return query;
    }
}
