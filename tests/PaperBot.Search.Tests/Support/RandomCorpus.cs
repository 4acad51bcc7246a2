using System.Text;
using PaperBot.Core.Papers;

namespace PaperBot.Search.Tests.Support;

/// <summary>
/// Seeded papers and queries over one small vocabulary, so queries hit often: plurals, hyphenated pairs, accents,
/// upper case, initials in names, and every query form (fields, phrases, prefixes, AND/OR/NOT, groups).
/// </summary>
public sealed class RandomCorpus(int seed)
{
    private static readonly string[] Words =
    [
        "diffusion", "model", "models", "image", "images", "editing", "study", "studies", "query", "queries", "index", "indices",
        "few", "shot", "learning", "graph", "graphs", "transformer", "Transformers", "attention", "café", "naïve", "TÜLU", "tulu",
        "analysis", "analyses", "bias", "biases", "loss", "losses", "patch", "patches", "gpt", "4", "llm2", "the", "of", "a",
    ];

    private static readonly string[] First = ["Geoffrey", "G.", "Ada", "Yann", "Zoë", "Li", "J.", "Jürgen", "Fei-Fei"];
    private static readonly string[] Last = ["Hinton", "Lovelace", "LeCun", "Müller", "Li", "Schmidhuber", "Smith", "Zhang"];
    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.CV", "stat.ML"];
    private static readonly string[] SourceNames = ["arxiv", "huggingface", "arxiv-rss"];
    private static readonly string[] Prefixes = ["diff", "mod", "stud", "quer", "ind", "gra", "trans", "caf", "na", "tu", "ana", "bi", "los", "pat"];

    private readonly Random _random = new(seed);

    public IReadOnlyList<Paper> Papers(int count) => [.. Enumerable.Range(1, count).Select(NextPaper)];

    public string NextQuery(int depth = 0)
    {
        var roll = _random.NextDouble();
        if (depth < 2 && roll < 0.35)
        {
            var op = _random.Next(3) switch { 0 => " OR ", 1 => " AND ", _ => " " };
            return $"({NextQuery(depth + 1)}{op}{NextQuery(depth + 1)})" + (_random.NextDouble() < 0.3 ? $" -{Leaf()}" : "");
        }
        return Leaf();
    }

    private string Leaf()
    {
        var field = _random.Next(8) switch { 0 => "title:", 1 => "abs:", _ => "" };
        return _random.Next(10) switch
        {
            0 => $"au:{Author()}",
            1 => $"cat:{Pick(Categories)}",
            2 => $"source:{Pick(SourceNames)}",
            3 => field + Pick(Prefixes) + "*",
            4 => $"{field}\"{Pick(Words)} {Pick(Words)}\"",
            5 => $"{field}\"{Pick(Words)} {Pick(Words)} {Pick(Words)}\"",
            6 => $"{field}{Pick(Words)}-{Pick(Words)}",
            _ => field + Pick(Words),
        };
    }

    private string Author() => _random.Next(6) switch
    {
        4 => $"\"{Pick(First)[0]} e {Pick(Last)}\"",
        0 => Pick(Last).ToLowerInvariant(),
        1 => $"\"{Pick(First)} {Pick(Last)}\"",
        2 => $"\"{Pick(First)[0]} {Pick(Last)}\"",
        3 => Pick(Last) is var last && last.Length > 3 ? last[..3] + "*" : last + "*",
        _ => $"\"{Pick(Last)} {Pick(Last)}\"",
    };

    private Paper NextPaper(int number) => new()
    {
        Id = Support.Papers.IdOf(number),
        Title = Text(_random.Next(3, 9)),
        Abstract = Text(_random.Next(10, 40)),
        Authors = [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => $"{Pick(First)} {(_random.Next(3) == 0 ? "E. " : "")}{Pick(Last)}")],
        Categories = [.. Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Pick(Categories)).Distinct()],
        Sources = [new Provenance(Pick(SourceNames), Support.Papers.Now)],
        Upvotes = _random.Next(3) == 0 ? _random.Next(0, 200) : null,
        PublishedAt = Support.Papers.Now.AddHours(-_random.Next(0, 1000)),
        FirstSeenAt = Support.Papers.Now.AddMinutes(number),
    };

    private string Text(int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (sb.Length > 0) sb.Append(_random.Next(8) == 0 ? "-" : _random.Next(10) == 0 ? ", " : " ");
            sb.Append(Pick(Words));
        }
        return sb.ToString();
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
