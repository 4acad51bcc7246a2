using System.Xml;
using System.Xml.Linq;

namespace PaperBot.Sources.Parsing;

/// <summary>
/// The only way parsers read XML: entity declarations refused (no "billion laughs", no external entities), any other
/// DTD skipped unread (RSS 0.91 carries Netscape's), no resolver, capped size and nesting. An HTML page is refused
/// with a message that says so; malformed XML with its line, position and reason.
/// </summary>
internal static class SafeXml
{
    /// <summary>Deeper documents are refused: LINQ to XML reads text recursively, and no feed nests this deep.</summary>
    public const int MaxDepth = 256;

    private const string DtdRefusal = "The document declares entities in a DTD, which is refused (entity expansion and external entities are unsafe).";

    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = ParseLimits.MaxDocumentBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static bool TryLoad(byte[] bytes, out XDocument document, out string? error) => TryLoad(bytes, null, out document, out error);

    /// <summary>Reads a document whose HTTP <paramref name="charset"/> (if any) is known. A document that is not
    /// well-formed is read once more after <see cref="XmlRepair.Mend"/>; if that fails too, the first error is the one
    /// reported, since its position is the real one.</summary>
    public static bool TryLoad(byte[] bytes, string? charset, out XDocument document, out string? error)
    {
        document = new XDocument();
        error = Refusal(bytes);
        if (error is not null) return false;
        if (!DocumentEncoding.TryDecode(bytes, charset, out var text, out error)) return false;

        if (!TryParse(text, out document, out var strictError) && !TryParse(XmlRepair.Mend(text), out document, out _))
        {
            error = strictError;
            return false;
        }
        if (document.Root is null)
        {
            error = "The document has no root element.";
            return false;
        }
        return true;
    }

    /// <summary>The line of an element read with line information, or 0.</summary>
    public static int Line(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static string Describe(XmlException e) =>
        e.LineNumber > 0
            ? $"Malformed XML at line {e.LineNumber}, position {e.LinePosition}: {TextCleaner.OneLine(WithoutPosition(e))}"
            : $"Malformed XML: {TextCleaner.OneLine(e.Message)}";

    private static bool TryParse(string text, out XDocument document, out string? error)
    {
        document = new XDocument();
        try
        {
            // LINQ to XML builds deep trees in quadratic time, so the depth is checked by a plain read first.
            error = TooDeep(text);
            if (error is not null) return false;
            using var reader = XmlReader.Create(new StringReader(text), Settings());
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return true;
        }
        catch (XmlException e)
        {
            error = Describe(e);
            return false;
        }
    }

    private static string? TooDeep(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings());
        while (reader.Read())
        {
            if (reader.Depth >= MaxDepth)
            {
                var line = reader is IXmlLineInfo info ? info.LineNumber : 0;
                return $"The document nests elements more than {MaxDepth} deep (line {line}).";
            }
        }
        return null;
    }

    // XmlException's message repeats the position ("… Line 3, position 7."), which Describe already leads with.
    private static string WithoutPosition(XmlException e)
    {
        var message = e.Message;
        var suffix = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }

    private static string? Refusal(byte[] bytes)
    {
        if (bytes.Length == 0) return "The document is empty.";
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, DocumentParsers.HeadLength));
        if (ContentSniffer.LooksLikeHtml(head)) return "The document is an HTML page, not a feed (an error or login page?).";
        return ContentSniffer.Text(head).Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase) ? DtdRefusal : null;
    }
}
