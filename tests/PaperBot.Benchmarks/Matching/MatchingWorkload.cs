using System.Text;
using PaperBot.Core.Papers;

namespace PaperBot.Benchmarks.Matching;

/// <summary>
/// Seeded synthetic papers and subscriptions. Papers: a title of 6–12 words and an abstract of 120–220 (function words,
/// generic academic words, and technical words drawn Zipf-style from ~5,000, some recurring as the paper's focus,
/// some as two-word collocations, some hyphenated or plural), 2–8 authors, 1–3 categories, sources.
/// Subscriptions (interface of issue 4): 40% one term (some a prefix), 25% two-term AND, 15% phrase,
/// 20% <c>(a OR b OR c) d -e</c>; then 20% of all are field-scoped (title, abstract, author, category, source).
/// Subscription words skip the 50 most common technical words, which nobody subscribes to alone.
/// </summary>
internal sealed class MatchingWorkload
{
    private const int TailSize = 4600;
    private readonly string[] _technical;
    private readonly ZipfSampler _technicalZipf;
    private readonly ZipfSampler _categoryZipf;
    private readonly (string A, string B)[] _collocations;

    public MatchingWorkload(int seed = 42)
    {
        var random = new Random(seed);
        _technical = [.. Vocabulary.Technical.Distinct(), .. TailWords(random, TailSize)];
        _technicalZipf = new ZipfSampler(_technical.Length, 1.0);
        _categoryZipf = new ZipfSampler(Vocabulary.Categories.Length, 1.0);
        var pairZipf = new ZipfSampler(_technical.Length - 20, 0.8);
        _collocations = [.. Enumerable.Range(0, 3000).Select(_ => (_technical[20 + pairZipf.Next(random)], _technical[20 + pairZipf.Next(random)]))];
    }

    public IReadOnlyList<Paper> Papers(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => NextPaper(random, i))];
    }

    public IReadOnlyList<(string Id, string Query)> Subscriptions(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => ($"s-{i:x7}", NextQuery(random)))];
    }

    private Paper NextPaper(Random random, int index)
    {
        var focus = Enumerable.Range(0, 6).Select(_ => _technical[_technicalZipf.Next(random)]).ToArray();
        var huggingFace = random.NextDouble() < 0.15;
        return new Paper
        {
            Id = PaperId.Parse($"2511.{index % 100000:D5}"),
            Title = Text(random, focus, random.Next(6, 13), title: true),
            Abstract = Text(random, focus, random.Next(120, 221), title: false),
            Authors = [.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => Author(random))],
            Categories = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Vocabulary.Categories[_categoryZipf.Next(random)]).Distinct()],
            Sources = huggingFace
                ? [new Provenance("arxiv", DateTimeOffset.UnixEpoch), new Provenance("huggingface", DateTimeOffset.UnixEpoch)]
                : [new Provenance(random.NextDouble() < 0.5 ? "arxiv" : "arxiv-rss", DateTimeOffset.UnixEpoch)],
            Upvotes = huggingFace ? random.Next(0, 300) : null,
        };
    }

    private string Text(Random random, string[] focus, int words, bool title)
    {
        var sb = new StringBuilder();
        var sentence = 0;
        for (var w = 0; w < words; w++)
        {
            var roll = random.NextDouble();
            string word;
            if (roll < (title ? 0.2 : 0.4)) word = Pick(random, Vocabulary.Function);
            else if (roll < (title ? 0.3 : 0.55)) word = Pick(random, Vocabulary.Generic);
            else if (roll < (title ? 0.6 : 0.7)) word = Plural(random, Pick(random, focus));
            else if (roll < 0.75)
            {
                var (a, b) = _collocations[random.Next(_collocations.Length)];
                word = a + (random.NextDouble() < 0.2 ? "-" : " ") + Plural(random, b);
                w++;
            }
            else word = Plural(random, _technical[_technicalZipf.Next(random)]);
            if (sentence == 0 || title) word = char.ToUpperInvariant(word[0]) + word[1..];
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(word);
            if (!title && ++sentence > 12 && random.NextDouble() < 0.15)
            {
                sb.Append(random.NextDouble() < 0.8 ? "." : ";");
                sentence = 0;
            }
            else if (random.NextDouble() < 0.04) sb.Append(',');
        }
        return sb.ToString();
    }

    private string NextQuery(Random random)
    {
        var roll = random.NextDouble();
        var query = roll switch
        {
            < 0.40 => random.NextDouble() < 0.08 ? Prefix(random) : SubscriptionWord(random),
            < 0.65 => $"{SubscriptionWord(random)} {SubscriptionWord(random)}",
            < 0.80 => Phrase(random),
            _ => $"({SubscriptionWord(random)} OR {SubscriptionWord(random)} OR {SubscriptionWord(random)}) {SubscriptionWord(random)} -{SubscriptionWord(random)}",
        };
        if (random.NextDouble() >= 0.20) return query;
        return random.NextDouble() switch
        {
            < 0.35 => "title:" + query,
            < 0.45 => "abs:" + query,
            < 0.70 => AuthorQuery(random),
            < 0.90 => $"cat:{Vocabulary.Categories[_categoryZipf.Next(random)]} {query}",
            _ => $"source:huggingface {query}",
        };
    }

    private string SubscriptionWord(Random random)
    {
        var word = _technical[random.Next(50, _technical.Length)];
        if (random.NextDouble() < 0.03) word = word.ToUpperInvariant();
        return Plural(random, word);
    }

    private string Prefix(Random random)
    {
        var word = _technical[random.Next(50, _technical.Length)];
        return word.Length < 5 ? word : word[..Math.Max(3, word.Length - 3)] + "*";
    }

    private string Phrase(Random random)
    {
        var (a, b) = _collocations[random.Next(_collocations.Length)];
        return $"\"{a} {b}\"";
    }

    private static string AuthorQuery(Random random)
    {
        var first = Pick(random, Vocabulary.FirstNames);
        var last = Pick(random, Vocabulary.LastNames);
        return random.NextDouble() switch
        {
            < 0.5 => $"au:\"{first} {last}\"",
            < 0.75 => $"au:{last}",
            _ => $"au:\"{first[0]} {last}\"",
        };
    }

    private static string Author(Random random)
    {
        var middle = random.NextDouble() < 0.3 ? $" {(char)('A' + random.Next(26))}." : "";
        var first = Pick(random, Vocabulary.FirstNames);
        if (random.NextDouble() < 0.1) first = first[0] + ".";
        return $"{first}{middle} {Pick(random, Vocabulary.LastNames)}";
    }

    private static string Plural(Random random, string word)
    {
        if (random.NextDouble() >= 0.15 || word.EndsWith('s') || !char.IsLetter(word[^1])) return word;
        return word.EndsWith('y') ? word[..^1] + "ies" : word + "s";
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    // Pronounceable made-up technical words (method names, jargon) for the long tail of the vocabulary.
    private static IEnumerable<string> TailWords(Random random, int count)
    {
        string[] onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr", "gr", "pr", "st", "tr", "ch", "sh"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "eo", "ia"];
        string[] codas = ["", "n", "r", "l", "x", "m", "t"];
        var seen = new HashSet<string>(Vocabulary.Technical);
        while (seen.Count < Vocabulary.Technical.Length + count)
        {
            var sb = new StringBuilder();
            for (var s = random.Next(2, 4); s > 0; s--)
                sb.Append(Pick(random, onsets)).Append(Pick(random, vowels)).Append(Pick(random, codas));
            var word = sb.ToString();
            if (word.EndsWith('s')) continue;
            if (seen.Add(word)) yield return word;
        }
    }
}
