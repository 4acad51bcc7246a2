using PaperBot.Benchmarks.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;

namespace PaperBot.Benchmarks.Search;

/// <summary>
/// The measured query kinds, each a seeded set of queries. Words are drawn uniformly from the hand-written technical
/// vocabulary (which papers use Zipf-style, so many are very frequent); phrases are adjacent word pairs taken from
/// the papers (so they always occur), also three words with a function word in the middle ("mixture of experts"); authors and categories come from the generator's lists.
/// </summary>
internal static class QueryMix
{
    public sealed record Kind(string Name, IReadOnlyList<SearchRequest> Requests);

    public static IReadOnlyList<Kind> Kinds(IReadOnlyList<Paper> papers, int perKind, int seed = 5)
    {
        var random = new Random(seed);
        var words = Vocabulary.Technical.Distinct().ToArray();
        string Word() => words[random.Next(words.Length)];
        string Pick(string[] values) => values[random.Next(values.Length)];
        List<SearchRequest> Make(Func<string> text, SearchSort sort = SearchSort.Relevance) =>
            [.. Enumerable.Range(0, perKind).Select(_ => new SearchRequest { Text = text(), Sort = sort, Limit = 20 })];

        return
        [
            new("one term", Make(Word)),
            new("one frequent term (top 20 words)", Make(() => words[random.Next(20)])),
            new("two-term AND", Make(() => $"{Word()} {Word()}")),
            new("phrase (2 words)", Make(() => Phrase(random, papers))),
            new("prefix", Make(() => Prefix(Word()))),
            new("author", Make(() => random.Next(2) == 0 ? $"au:{Pick(Vocabulary.LastNames)}" : $"au:\"{Pick(Vocabulary.FirstNames)} {Pick(Vocabulary.LastNames)}\"")),
            new("category + term", Make(() => $"cat:{Pick(Vocabulary.Categories)} {Word()}")),
            new("(a OR b OR c) d -e", Make(() => $"({Word()} OR {Word()} OR {Word()}) {Word()} -{Word()}")),
            new("one term, newest first", Make(Word, SearchSort.Newest)),
            new("phrase with a function word (3 words)", Make(() => PhraseAcrossFunctionWord(random, papers))),
        ];
    }

    private static string Prefix(string word) => word.Length <= 4 ? word : word[..4] + "*";

    private static readonly HashSet<string> FunctionWords = [.. Vocabulary.Function];

    // Two adjacent non-function words of a random paper's abstract, as the user would quote them.
    private static string Phrase(Random random, IReadOnlyList<Paper> papers) => QuotedWords(random, papers, ["", ""]);

    // A word, a function word, a word ("state of art"): no pair of common words to narrow it, so positions decide.
    private static string PhraseAcrossFunctionWord(Random random, IReadOnlyList<Paper> papers) => QuotedWords(random, papers, ["", "function", ""]);

    private static string QuotedWords(Random random, IReadOnlyList<Paper> papers, string[] kinds)
    {
        while (true)
        {
            var tokens = TextAnalyzer.Analyze(papers[random.Next(papers.Count)].Abstract);
            if (tokens.Count < kinds.Length) continue;
            var at = random.Next(tokens.Count - kinds.Length + 1);
            var words = tokens.Skip(at).Take(kinds.Length).Select(t => t.Term).ToArray();
            var fits = words.Zip(kinds).All(w => w.First.All(char.IsLetter) && FunctionWords.Contains(w.First) == (w.Second == "function"));
            if (fits) return $"\"{string.Join(' ', words)}\"";
        }
    }
}
