using System.Text;
using PaperBot.Core.Queries;

namespace PaperBot.Search.Highlighting;

/// <summary>
/// Marks matched words <c>**like this**</c> using <see cref="TextAnalyzer"/>'s own offsets (so a hyphenated or accented
/// match is marked as written), and cuts an abstract down to the window of <see cref="WindowWords"/> words with the most
/// matches. Adjacent matched words share one marker (<c>**image editing**</c>).
/// </summary>
internal static class SnippetBuilder
{
    public const int WindowWords = 40;
    public const string Ellipsis = "…";

    /// <summary>The whole text with its matches marked (titles).</summary>
    public static string Highlight(string text, QueryLeaves leaves, QueryField field)
    {
        var tokens = TextAnalyzer.Analyze(text);
        return tokens.Count == 0 ? text : Render(text, tokens, leaves.Mark(tokens, field), 0, tokens.Count);
    }

    /// <summary>The best window of the text with its matches marked, with ellipses where it was cut (abstracts).</summary>
    public static string Snippet(string text, QueryLeaves leaves, QueryField field)
    {
        var tokens = TextAnalyzer.Analyze(text);
        if (tokens.Count == 0) return text.Trim();
        var marked = leaves.Mark(tokens, field);
        var first = BestWindow(marked);
        return Render(text, tokens, marked, first, Math.Min(tokens.Count, first + WindowWords));
    }

    // Sliding count of marked words; starts a little before the first match of the best window for context.
    private static int BestWindow(bool[] marked)
    {
        if (marked.Length <= WindowWords) return 0;
        int count = 0, best = 0, bestStart = 0;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i]) count++;
            if (i >= WindowWords && marked[i - WindowWords]) count--;
            var start = i - WindowWords + 1;
            if (start >= 0 && count > best) (best, bestStart) = (count, start);
        }
        if (best == 0) return 0;
        while (bestStart < marked.Length - WindowWords && !marked[bestStart]) bestStart++;
        return Math.Max(0, bestStart - 5);
    }

    private static string Render(string text, IReadOnlyList<TextToken> tokens, bool[] marked, int first, int end)
    {
        var sb = new StringBuilder();
        var from = first == 0 ? 0 : tokens[first].Start;
        if (first > 0) sb.Append(Ellipsis);
        var open = false;
        for (var i = first; i < end; i++)
        {
            var token = tokens[i];
            sb.Append(text, from, token.Start - from);
            if (marked[i] && !open) { sb.Append("**"); open = true; }
            sb.Append(text, token.Start, token.Length);
            from = token.Start + token.Length;
            if (open && (i + 1 == end || !marked[i + 1])) { sb.Append("**"); open = false; }
        }
        if (end == tokens.Count) sb.Append(text, from, text.Length - from);
        else sb.Append(Ellipsis);
        return sb.ToString().Trim();
    }
}
