using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PaperBot.Core.Papers;

namespace PaperBot.Sources.Parsing;

/// <summary>
/// Turns a wire title or abstract into one clean paragraph: HTML tags stripped, entities decoded, hard line wraps
/// and runs of white space collapsed, control characters and halves of surrogate pairs dropped. TeX
/// (<c>$\mathbb{R}^N$</c>) is kept as written.
/// </summary>
internal static partial class TextCleaner
{
    // Only tag-shaped text: "a < b" and TeX like "$x<y$" survive.
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(?:br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = BlockBoundary().Replace(text, " ");
        s = Tag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        s = Tag().Replace(s, ""); // tags that were entity-escaped once more (&lt;i&gt;)
        return CollapseWhitespace(s);
    }

    public static string CleanAbstract(string? text)
    {
        var s = Clean(text);
        return s.Length <= ParseLimits.MaxAbstractLength ? s : Utf16Text.Cut(s, ParseLimits.MaxAbstractLength).TrimEnd() + "…";
    }

    /// <summary>Longer error messages quote a mangled document rather than explain it.</summary>
    public const int MaxMessageLength = 300;

    /// <summary>A library's error message on one line and of readable length: they quote the offending input, line
    /// breaks included, however long it is (a 100 KB tag name becomes a 100 KB message in the source's state).</summary>
    public static string OneLine(string message)
    {
        var s = CollapseWhitespace(message);
        return s.Length <= MaxMessageLength ? s : Utf16Text.Cut(s, MaxMessageLength).TrimEnd() + "…";
    }

    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (char.IsControl(c)) continue;
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return Utf16Text.WithoutLoneSurrogates(sb.ToString(), replacement: "");
    }
}
