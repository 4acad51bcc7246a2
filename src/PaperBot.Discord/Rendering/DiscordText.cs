using System.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>Text from papers and users is data: it never pings anyone, never formats as Discord markdown, never carries
/// control characters, and fits its field.</summary>
public static class DiscordText
{
    /// <summary>Characters that Discord reads as markdown anywhere in a line: bold, italics, strike, code, spoilers,
    /// masked links (<c>[text](url)</c> needs its brackets), escapes, and <c>&lt;…&gt;</c> mentions, channels and emoji.</summary>
    private const string Markdown = "\\*_~`|[]<";

    /// <summary>Sanitised, escaped and cut to <paramref name="max"/>; no words in bold.</summary>
    public static string Safe(string? text, int max, bool multiline = false) => Highlight(text, [], max, multiline);

    /// <summary>
    /// Sanitised (control characters become spaces, newlines kept where <paramref name="multiline"/>, mentions such as
    /// @everyone, @here and &lt;@id&gt; defused with a zero-width space), markdown escaped, the whole words in
    /// <paramref name="bold"/> (any case) wrapped in <c>**</c>, and cut to <paramref name="max"/> with "…".
    /// </summary>
    public static string Highlight(string? text, IReadOnlyCollection<string> bold, int max, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var raw = Clean(text, multiline);
        // Escaping lengthens the text: cut the raw text until the result fits, so no escape or bold is split.
        for (var budget = Math.Min(raw.Length, max); budget > 0;)
        {
            var rendered = Render(raw, bold, budget);
            if (rendered.Length <= max) return rendered;
            budget -= Math.Max(1, rendered.Length - max);
        }
        return "";
    }

    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--; // never split a surrogate pair
        return text[..cut] + "…";
    }

    private static string Clean(string text, bool multiline)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n' && multiline) sb.Append('\n');
            else if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') continue; // bidi overrides would reverse the rest of the line
            else if (char.IsControl(c) || c is '\u2028' or '\u2029') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>The first <paramref name="budget"/> characters of <paramref name="raw"/> (with "…" when cut), escaped and bolded.</summary>
    private static string Render(string raw, IReadOnlyCollection<string> bold, int budget)
    {
        var cut = budget >= raw.Length ? raw : raw[..(char.IsHighSurrogate(raw[budget - 1]) ? budget - 1 : budget)];
        var ranges = Ranges(cut, bold);
        var sb = new StringBuilder(cut.Length + 16);
        var next = 0;
        foreach (var (start, length) in ranges)
        {
            Escape(sb, cut, next, start);
            sb.Append("**");
            Escape(sb, cut, start, start + length);
            sb.Append("**");
            next = start + length;
        }
        Escape(sb, cut, next, cut.Length);
        if (cut.Length < raw.Length) sb.Append('…');
        return sb.ToString();
    }

    private static void Escape(StringBuilder sb, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            var lineStart = i == 0 || text[i - 1] == '\n';
            if (Markdown.Contains(c, StringComparison.Ordinal) || (lineStart && c is '#' or '-' or '+' or '>')) sb.Append('\\');
            sb.Append(c);
            if (c == '@') sb.Append('\u200b');
        }
    }

    /// <summary>Non-overlapping whole-word occurrences of the words, in order.</summary>
    private static List<(int Start, int Length)> Ranges(string text, IReadOnlyCollection<string> words)
    {
        var found = new List<(int Start, int Length)>();
        foreach (var word in words.Where(w => w.Trim().Length >= 2).Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var after = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
                if (before && after) found.Add((at, word.Length));
            }
        }
        var merged = new List<(int Start, int Length)>();
        foreach (var r in found.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && r.Start < merged[^1].Start + merged[^1].Length) continue;
            merged.Add(r);
        }
        return merged;
    }
}
