using System.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>Text from papers is data: it never pings anyone, never carries control characters, and fits its field.</summary>
public static class DiscordText
{
    /// <summary>Strips control characters (keeping newlines where <paramref name="multiline"/>), defuses mentions
    /// (@everyone, @here, &lt;@id&gt;, &lt;@&amp;role&gt;) with a zero-width space, and cuts to <paramref name="max"/> with "…".</summary>
    public static string Safe(string? text, int max, bool multiline = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n' && multiline) sb.Append('\n');
            else if (char.IsControl(c)) sb.Append(' ');
            else if (c == '@') sb.Append("@\u200b");
            else sb.Append(c);
        }
        return Cut(sb.ToString().Trim(), max);
    }

    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--; // never split a surrogate pair
        return text[..cut] + "…";
    }
}
