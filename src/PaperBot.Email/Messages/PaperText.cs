using System.Buffers;
using System.Text;

namespace PaperBot.Email.Messages;

/// <summary>
/// Paper data as it may appear in a message: on one line (CR, LF and other control characters become spaces, so
/// nothing from a paper can start a header or a line of its own), and without bidirectional embedding, override or
/// isolate controls (an RTL override in a title would make the rest of the line read backwards).
/// </summary>
public static class PaperText
{
    public static string OneLine(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // Stored paper text is already one clean line (the sources collapse it): checking is a vectorized scan,
        // rebuilding is a char-by-char copy, and a digest passes ~25k characters through here.
        if (IsOneLine(s)) return s;
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (IsBidiControl(c)) continue;
            var blank = char.IsControl(c) || char.IsWhiteSpace(c);
            if (blank && space) continue;
            sb.Append(blank ? ' ' : c);
            space = blank;
        }
        return sb.ToString().Trim();
    }

    /// <summary>Cuts at a word boundary near <paramref name="max"/> characters and marks the cut; 0 means nothing.</summary>
    public static string Shorten(string text, int max)
    {
        if (max <= 0) return "";
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static bool IsOneLine(string s) =>
        s[0] != ' ' && s[^1] != ' ' && s.AsSpan().IndexOfAny(NeedsWork) < 0 && !s.Contains("  ", StringComparison.Ordinal);

    /// <summary>Every character <see cref="OneLine"/> drops or turns into a space, except the plain space.</summary>
    private static readonly SearchValues<char> NeedsWork = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
            .Where(c => c != ' ' && (char.IsControl(c) || char.IsWhiteSpace(c) || IsBidiControl(c))).ToArray());

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
