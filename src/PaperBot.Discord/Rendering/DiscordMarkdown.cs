using System.Text;

namespace PaperBot.Discord.Rendering;

/// <summary>Paper text shown as Discord markdown: every markdown character escaped, so a title cannot format,
/// hide (spoilers), link or quote anything; only PaperBot's own bold marks survive.</summary>
public static class DiscordMarkdown
{
    private const string Special = "\\*_~`|>#-[]()<:";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Text whose matched words the search marked <c>**like this**</c>: the text is escaped and the marked
    /// words are bold. When the <paramref name="original"/> text has <c>**</c> of its own, marks and text can't be told
    /// apart, so nothing is bold. <paramref name="max"/> bounds the result; a cut never leaves a mark open.</summary>
    public static string Highlighted(string marked, string original, int max)
    {
        var safe = DiscordText.Safe(marked, int.MaxValue, multiline: true);
        if (original.Contains("**", StringComparison.Ordinal)) return DiscordText.Cut(Escape(safe.Replace("**", "", StringComparison.Ordinal)), max);
        var parts = safe.Split("**");
        var sb = new StringBuilder(marked.Length + 16);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0) continue;
            var piece = i % 2 == 1 ? "**" + Escape(parts[i]) + "**" : Escape(parts[i]);
            if (sb.Length + piece.Length > max - 1)
            {
                if (i % 2 == 0) sb.Append(DiscordText.Cut(piece, Math.Max(1, max - sb.Length)));
                else if (sb.Length < max) sb.Append('…');
                break;
            }
            sb.Append(piece);
        }
        return sb.ToString();
    }
}
