
namespace PaperBot.Core.Queries;

/// <summary>
/// Evaluates one query against one paper and explains the match. This is the single-query path (CLI <c>search</c> and
/// <c>match</c>, and the "why" of each engine match); the engine in <see cref="Matching"/> finds the same matches for
/// many queries at once.
/// </summary>
public static class QueryEvaluator
{
    /// <summary>The hits and score when <paramref name="query"/> matches <paramref name="paper"/>; otherwise null.</summary>
    public static MatchExplanation? Evaluate(Query query, AnalyzedPaper paper)
    {
        var hits = new List<MatchHit>();
        if (!Matches(query.Root, paper, hits)) return null;
        var distinct = hits.DistinctBy(h => (h.Field, h.Text.ToLowerInvariant())).ToList();
        return new MatchExplanation(distinct, MatchScoring.Score(distinct, paper.Paper.Upvotes));
    }

    /// <summary>Whether it matches, without building an explanation.</summary>
    public static bool IsMatch(Query query, AnalyzedPaper paper) => Matches(query.Root, paper, null);

    // Appends the hits of a successful match; a failed branch leaves the list as it found it.
    private static bool Matches(QueryNode node, AnalyzedPaper paper, List<MatchHit>? hits)
    {
        var mark = hits?.Count ?? 0;
        var matched = node switch
        {
            NotNode not => !Matches(not.Child, paper, null),
            AndNode all => all.Children.All(c => Matches(c, paper, hits)),
            OrNode any => any.Children.Count(c => Matches(c, paper, hits)) > 0,
            TermNode { Field: QueryField.Category } term => Exact(paper.Categories, term.Term, "category", hits),
            TermNode { Field: QueryField.Source } term => Exact(paper.Sources, term.Term, "source", hits),
            PhraseNode { Field: QueryField.Author } phrase => Author(paper, phrase.Terms, hits),
            TermNode term => InText(paper, term.Field, [term.Term], hits),
            PhraseNode phrase => InText(paper, phrase.Field, phrase.Terms, hits),
            PrefixNode prefix => Prefix(paper, prefix, hits),
            _ => throw new InvalidOperationException($"unknown query node {node.GetType().Name}"),
        };
        if (!matched && hits is not null) hits.RemoveRange(mark, hits.Count - mark);
        return matched;
    }

    private static bool InText(AnalyzedPaper paper, QueryField field, IReadOnlyList<string> stems, List<MatchHit>? hits)
    {
        var found = false;
        foreach (var (name, text) in Texts(paper, field))
        {
            foreach (var start in text.Find(stems))
            {
                hits?.Add(new MatchHit(name, text.Span(start, stems.Count)));
                found = true;
                break;
            }
        }
        return found;
    }

    private static bool Prefix(AnalyzedPaper paper, PrefixNode prefix, List<MatchHit>? hits)
    {
        if (prefix.Field == QueryField.Author)
        {
            var author = paper.Authors.FirstOrDefault(a => a.Words.Any(w => w.StartsWith(prefix.Prefix, StringComparison.Ordinal)));
            if (author is not null) hits?.Add(new MatchHit("author", author.Name));
            return author is not null;
        }
        var found = false;
        foreach (var (name, text) in Texts(paper, prefix.Field))
        {
            foreach (var token in text.Tokens)
            {
                if (!token.Term.StartsWith(prefix.Prefix, StringComparison.Ordinal)) continue;
                hits?.Add(new MatchHit(name, text.Span(token.Position, 1)));
                found = true;
                break;
            }
        }
        return found;
    }

    private static bool Author(AnalyzedPaper paper, IReadOnlyList<string> words, List<MatchHit>? hits)
    {
        string[] query = [.. words];
        var author = paper.Authors.FirstOrDefault(a => AuthorNameRule.Matches(query, a.Words));
        if (author is not null) hits?.Add(new MatchHit("author", author.Name));
        return author is not null;
    }

    private static bool Exact(IReadOnlyList<(string Folded, string Original)> values, string term, string field, List<MatchHit>? hits)
    {
        foreach (var (folded, original) in values)
        {
            if (folded != term) continue;
            hits?.Add(new MatchHit(field, original));
            return true;
        }
        return false;
    }

    private static IEnumerable<(string Name, AnalyzedText Text)> Texts(AnalyzedPaper paper, QueryField field)
    {
        if (field is QueryField.Any or QueryField.Title) yield return ("title", paper.Title);
        if (field is QueryField.Any or QueryField.Abstract) yield return ("abstract", paper.Abstract);
    }
}
