using System.Text;
using System.Text.Encodings.Web;

namespace PaperBot.Email.Messages;

/// <summary>
/// Marks the matched words in paper text for HTML. The ranges are found in the raw text and each piece is encoded
/// on its own, so encoding never sees markup and a mark never splits an entity (escape first, then mark).
/// </summary>
public static class Highlighter
{
    private const string MarkOpen = "<mark style=\"background:#fde68a;color:#111;\">";
    private const string MarkClose = "</mark>";

    public static string Html(string text, IReadOnlyCollection<string> words, HtmlEncoder encoder)
    {
        var ranges = Ranges(text, words);
        if (ranges.Count == 0) return encoder.Encode(text);
        var sb = new StringBuilder(text.Length + ranges.Count * (MarkOpen.Length + MarkClose.Length) + 16);
        var at = 0;
        foreach (var (start, end) in ranges)
        {
            sb.Append(encoder.Encode(text[at..start])).Append(MarkOpen).Append(encoder.Encode(text[start..end])).Append(MarkClose);
            at = end;
        }
        return sb.Append(encoder.Encode(text[at..])).ToString();
    }

    /// <summary>Every case-insensitive occurrence of a word, merged where they touch or overlap, in order.</summary>
    internal static List<(int Start, int End)> Ranges(string text, IReadOnlyCollection<string> words)
    {
        var found = new List<(int Start, int End)>();
        foreach (var word in words)
        {
            if (word.Length < 2) continue;
            for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
                found.Add((i, i + word.Length));
        }
        found.Sort();
        var merged = new List<(int Start, int End)>(found.Count);
        foreach (var r in found)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else merged.Add(r);
        }
        return merged;
    }
}
