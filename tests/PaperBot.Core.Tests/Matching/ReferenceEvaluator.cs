using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Tests.Matching;

/// <summary>
/// Slow and obviously correct: re-tokenises the paper for every leaf and scans word lists linearly, written straight
/// from docs/query-language.md without sharing code with the engine or QueryEvaluator (only the tokenizer).
/// </summary>
internal static class ReferenceEvaluator
{
    public static bool Matches(QueryNode node, Paper paper) => node switch
    {
        NotNode not => !Matches(not.Child, paper),
        AndNode all => all.Children.All(c => Matches(c, paper)),
        OrNode any => any.Children.Any(c => Matches(c, paper)),
        TermNode { Field: QueryField.Category } term => paper.Categories.Any(c => c.ToLowerInvariant() == term.Term),
        TermNode { Field: QueryField.Source } term => paper.Sources.Any(s => s.Source.ToLowerInvariant() == term.Term),
        TermNode term => Texts(paper, term.Field).Any(words => ContainsRun(words, [term.Term])),
        PhraseNode { Field: QueryField.Author } name => paper.Authors.Any(a => AuthorMatches(name.Terms, Words(a))),
        PhraseNode phrase => Texts(paper, phrase.Field).Any(words => ContainsRun(words, phrase.Terms)),
        PrefixNode { Field: QueryField.Author } prefix => paper.Authors.Any(a => Words(a).Any(w => w.StartsWith(prefix.Prefix, StringComparison.Ordinal))),
        PrefixNode prefix => Texts(paper, prefix.Field, stems: false).Any(words => words.Any(w => w.StartsWith(prefix.Prefix, StringComparison.Ordinal))),
        _ => throw new InvalidOperationException(node.ToString()),
    };

    private static IEnumerable<List<string>> Texts(Paper paper, QueryField field, bool stems = true)
    {
        List<string> Of(string text) => [.. TextAnalyzer.Analyze(text).Select(t => stems ? t.Stem : t.Term)];
        if (field is QueryField.Any or QueryField.Title) yield return Of(paper.Title);
        if (field is QueryField.Any or QueryField.Abstract) yield return Of(paper.Abstract);
    }

    private static List<string> Words(string author) => [.. TextAnalyzer.Analyze(author).Select(t => t.Term)];

    private static bool ContainsRun(List<string> words, IReadOnlyList<string> run) =>
        Enumerable.Range(0, Math.Max(0, words.Count - run.Count + 1)).Any(i => run.Select((w, k) => words[i + k] == w).All(x => x));

    // Tries every way of placing the query words in order; the last must be spelled out, others may be initials either way.
    private static bool AuthorMatches(IReadOnlyList<string> query, List<string> name)
    {
        bool Place(int q, int from)
        {
            if (q == query.Count) return true;
            for (var j = from; j < name.Count; j++)
            {
                var fits = q == query.Count - 1
                    ? name[j] == query[q]
                    : name[j] == query[q] || ((name[j].Length == 1 || query[q].Length == 1) && name[j][0] == query[q][0]);
                if (fits && Place(q + 1, j + 1)) return true;
            }
            return false;
        }
        return Place(0, 0);
    }
}
