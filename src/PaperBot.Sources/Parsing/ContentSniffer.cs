namespace PaperBot.Sources.Parsing;

/// <summary>Cheap looks at a document's first bytes, for format detection and for clear errors
/// (an HTML error page served with status 200 is not a malformed feed).</summary>
internal static class ContentSniffer
{
    /// <summary>The head as text (BOM removed; a multi-byte character cut at the end is harmless here).</summary>
    public static string Text(ReadOnlySpan<byte> head) =>
        DocumentEncoding.Sniff(head.Length > DocumentParsers.HeadLength ? head[..DocumentParsers.HeadLength] : head);

    /// <summary>The first character that is not white space, or '\0'.</summary>
    public static char FirstSignificant(ReadOnlySpan<byte> head)
    {
        foreach (var c in Text(head))
            if (!char.IsWhiteSpace(c)) return c;
        return '\0';
    }

    public static bool Contains(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);

    public static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = Text(head).TrimStart();
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith('<') && Contains(text, "<html") && !Contains(text, "<rss") && !Contains(text, "<feed"));
    }

    /// <summary>An XML document whose root is <paramref name="root"/> (after any declaration, comments or DTD).</summary>
    public static bool HasXmlRoot(string text, string root) =>
        text.TrimStart().StartsWith('<') && (text.Contains("<" + root + " ", StringComparison.Ordinal)
            || text.Contains("<" + root + ">", StringComparison.Ordinal)
            || text.Contains("<" + root + "\n", StringComparison.Ordinal)
            || text.Contains("<" + root + "\r", StringComparison.Ordinal));
}
