using PaperBot.Core.Papers;

namespace PaperBot.Core.Queries;

/// <summary>A paper tokenised once with <see cref="TextAnalyzer"/>, ready for any number of query evaluations.</summary>
public sealed class AnalyzedPaper
{
    private AnalyzedPaper(Paper paper)
    {
        Paper = paper;
        Title = new AnalyzedText(paper.Title);
        Abstract = new AnalyzedText(paper.Abstract);
        Authors = [.. paper.Authors.Select(a => new AnalyzedAuthor(a, [.. TextAnalyzer.Analyze(a).Select(t => t.Term)])) ];
        Categories = [.. paper.Categories.Select(c => (Folded: TextAnalyzer.FoldWord(c), Original: c))];
        Sources = [.. paper.Sources.Select(s => (Folded: TextAnalyzer.FoldWord(s.Source), Original: s.Source))];
    }

    public Paper Paper { get; }
    public AnalyzedText Title { get; }
    public AnalyzedText Abstract { get; }
    public IReadOnlyList<AnalyzedAuthor> Authors { get; }
    public IReadOnlyList<(string Folded, string Original)> Categories { get; }
    public IReadOnlyList<(string Folded, string Original)> Sources { get; }

    public static AnalyzedPaper From(Paper paper) => new(paper);
}

/// <summary>One author: the name as written and its folded words (<c>Geoffrey E. Hinton</c> → geoffrey, e, hinton).</summary>
public sealed record AnalyzedAuthor(string Name, IReadOnlyList<string> Words);

/// <summary>A field's words with an index from stem to positions, so phrases are checked without rescanning.</summary>
public sealed class AnalyzedText
{
    private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);

    public AnalyzedText(string text)
    {
        Text = text;
        Tokens = TextAnalyzer.Analyze(text);
        foreach (var token in Tokens)
        {
            if (!_positions.TryGetValue(token.Stem, out var list)) _positions[token.Stem] = list = [];
            list.Add(token.Position);
        }
    }

    public string Text { get; }
    public IReadOnlyList<TextToken> Tokens { get; }

    /// <summary>Positions where a phrase of stems starts (one stem = a word); empty when absent.</summary>
    public IEnumerable<int> Find(IReadOnlyList<string> stems)
    {
        if (!_positions.TryGetValue(stems[0], out var starts)) yield break;
        foreach (var start in starts)
        {
            var k = 1;
            while (k < stems.Count && start + k < Tokens.Count && Tokens[start + k].Stem == stems[k]) k++;
            if (k == stems.Count) yield return start;
        }
    }

    /// <summary>The original text of words <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1, hyphens and all.</summary>
    public string Span(int first, int count)
    {
        var end = Tokens[first + count - 1];
        return Text[Tokens[first].Start..(end.Start + end.Length)];
    }
}
