using System.Text;
using PaperBot.Core.Papers;

namespace PaperBot.Testing.Corpus;

/// <summary>
/// Seeded papers and query texts over a deliberately tiny vocabulary, so that random queries actually match and every
/// feature gets exercised: plurals, accents, upper case, hyphens, initials in names, phrases, prefixes, fields,
/// AND/OR/NOT, nested groups. The matcher's and the search index's property tests both draw from it.
/// </summary>
public sealed class RandomCorpus(int seed)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Words =
    [
        "diffusion", "model", "models", "image", "images", "editing", "study", "studies", "query", "queries", "index", "indices",
        "few", "shot", "few-shot", "self-supervised", "learning", "graph", "graphs", "transformer", "Transformers", "attention",
        "café", "naïve", "TÜLU", "Tülu", "tulu", "analysis", "analyses", "bias", "biases", "loss", "losses", "patch", "patches",
        "gpt", "4", "llm2", "agent", "agents", "vision", "retrieval", "train", "training", "ai", "x", "the", "of", "and", "a",
    ];

    private static readonly string[] QueryWords =
        ["model", "models", "query", "diffusion", "graph", "tulu", "TÜLU", "agent", "learning", "vision", "few-shot", "loss",
         "patches", "retrieval", "editing", "image", "the", "bias", "ai", "training", "self-supervised", "unseen", "studies"];

    private static readonly string[] First = ["Geoffrey", "G.", "Ada", "Yann", "Zoë", "Li", "J.", "Jürgen", "Fei-Fei", "Ana"];
    private static readonly string[] Last = ["Hinton", "Lovelace", "LeCun", "Müller", "Li", "Schmidhuber", "Smith", "Zhang", "Łukasz"];
    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.CV", "stat.ML"];
    private static readonly string[] SourceNames = ["arxiv", "huggingface", "arxiv-rss"];
    private static readonly string[] Prefixes = ["diff", "mod", "stud", "quer", "ind", "gra", "trans", "caf", "na", "tu", "ana", "bi", "los", "pat", "ag"];

    private readonly Random _random = new(seed);

    public static PaperId IdOf(int number) => PaperId.Parse($"2501.{number:D5}");

    /// <summary>Papers numbered 1 to <paramref name="count"/>.</summary>
    public IReadOnlyList<Paper> Papers(int count) => [.. Enumerable.Range(1, count).Select(NextPaper)];

    public Paper NextPaper(int number) => new()
    {
        Id = IdOf(number),
        Title = Text(_random.Next(1, 9)),
        Abstract = Text(_random.Next(0, 40)),
        Authors = [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => $"{Pick(First)} {(_random.Next(3) == 0 ? "E. " : "")}{Pick(Last)}")],
        Categories = [.. Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Pick(Categories)).Distinct()],
        Sources = [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => new Provenance(Pick(SourceNames), Now))],
        Upvotes = _random.Next(3) == 0 ? _random.Next(0, 200) : null,
        PublishedAt = Now.AddHours(-_random.Next(0, 1000)),
        FirstSeenAt = Now.AddMinutes(number),
    };

    /// <summary>A query text; some are refused on purpose (a negation alone inside a group), as users write them.</summary>
    public string NextQuery() => Node(0);

    private string Node(int depth) => _random.Next(depth >= 2 ? 6 : 10) switch
    {
        0 or 1 or 2 => Leaf(),
        3 => Pick(QueryWords),
        4 => $"{Node(depth + 1)} -{Leaf()}",
        5 => $"{Pick(["title:", "abs:"])}{Pick(QueryWords)}",
        6 => $"({Node(depth + 1)} OR {Node(depth + 1)})",
        7 => $"{Node(depth + 1)}{Pick([" ", " AND "])}{Node(depth + 1)}",
        8 => $"{Node(depth + 1)} NOT {Node(depth + 1)}",
        _ => $"{Pick(["title:", "abs:"])}({Node(depth + 1)} OR {Node(depth + 1)})",
    };

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
            6 => $"{field}{Pick(QueryWords)}-{Pick(Words)}",
            _ => field + Pick(Words),
        };
    }

    private string Author() => _random.Next(6) switch
    {
        0 => Pick(Last).ToLowerInvariant(),
        1 => $"\"{Pick(First)} {Pick(Last)}\"",
        2 => $"\"{Pick(First)[0]} {Pick(Last)}\"",
        3 => Pick(Last) is var last && last.Length > 3 ? last[..3] + "*" : last + "*",
        4 => $"\"{Pick(First)[0]} e {Pick(Last)}\"",
        _ => $"\"{Pick(Last)} {Pick(Last)}\"",
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
