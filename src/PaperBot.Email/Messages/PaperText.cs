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

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
