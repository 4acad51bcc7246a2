using System.Text;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Matching;

/// <summary>
/// Random papers and query texts over a deliberately tiny vocabulary, so that random queries actually match and every
/// feature (plurals, accents, hyphens, phrases, prefixes, fields, initials, NOT, OR, nesting) gets exercised.
/// </summary>
internal sealed class RandomCorpus(int seed)
{
    private static readonly string[] Words =
    [
        "model", "models", "query", "queries", "diffusion", "graph", "graphs", "tulu", "TÜLU", "Tülu", "agent", "agents",
        "learning", "vision", "language", "few-shot", "few", "shot", "self-supervised", "loss", "losses", "patch", "patches",
        "retrieval", "editing", "image", "the", "of", "and", "bias", "biases", "ai", "x", "a", "train", "training",
    ];

    private static readonly string[] QueryWords =
        ["model", "models", "query", "diffusion", "graph", "tulu", "TÜLU", "agent", "learning", "vision", "few-shot", "loss",
         "patches", "retrieval", "editing", "image", "the", "bias", "ai", "training", "self-supervised", "unseen"];

    private static readonly string[] Authors =
        ["Geoffrey E. Hinton", "G. Hinton", "Yann LeCun", "Fei-Fei Li", "Li Wei", "Nathan Lambert", "Ana Łukasz", "Hinton Smith"];

    private static readonly string[] AuthorQueries =
        ["hinton", "\"g hinton\"", "\"geoffrey hinton\"", "li", "\"fei fei li\"", "\"f li\"", "lecun", "\"y lecun\"", "lukasz",
         "\"smith\"", "\"hinton smith\"", "\"e hinton\"", "hin*", "le*"];

    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.CV", "stat.ML"];
    private static readonly string[] Sources = ["arxiv", "huggingface", "arxiv-rss"];

    private readonly Random _random = new(seed);

    public Paper NextPaper(int index) => new()
    {
        Id = PaperId.Parse($"2501.{index:D5}"),
        Title = Sentence(_random.Next(1, 8)),
        Abstract = Sentence(_random.Next(0, 30)),
        Authors = [.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(Authors))],
        Categories = [.. Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Pick(Categories)).Distinct()],
        Sources = [.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => new Provenance(Pick(Sources), DateTimeOffset.UnixEpoch))],
        Upvotes = _random.Next(3) == 0 ? _random.Next(100) : null,
    };

    public string NextQuery() => Node(0);

    private string Node(int depth)
    {
        var roll = _random.Next(depth >= 3 ? 6 : 10);
        return roll switch
        {
            0 or 1 => Pick(QueryWords),
            2 => $"\"{Pick(QueryWords)} {Pick(QueryWords)}\"",
            3 => Prefix(),
            4 => Field(),
            5 => $"-{Pick(QueryWords)}",
            6 => $"({Node(depth + 1)} OR {Node(depth + 1)})",
            7 => $"{Node(depth + 1)} {Node(depth + 1)}",
            8 => $"NOT {Node(depth + 1)}",
            _ => $"{Pick(["title:", "abs:"])}({Node(depth + 1)} OR {Node(depth + 1)})",
        };
    }

    private string Prefix()
    {
        var word = Pick(QueryWords);
        return word[..Math.Min(word.Length, _random.Next(2, 5))] + "*";
    }

    private string Field() => _random.Next(6) switch
    {
        0 => "title:" + Pick(QueryWords),
        1 => "abs:" + Pick(QueryWords),
        2 => "au:" + Pick(AuthorQueries),
        3 => "cat:" + Pick(Categories),
        4 => "source:" + Pick(Sources),
        _ => "ti:\"" + Pick(QueryWords) + " " + Pick(QueryWords) + "\"",
    };

    private string Sentence(int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0) sb.Append(_random.Next(8) == 0 ? ", " : " ");
            sb.Append(Pick(Words));
        }
        return sb.ToString();
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
