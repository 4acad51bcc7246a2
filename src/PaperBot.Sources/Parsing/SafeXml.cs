using System.Xml;
using System.Xml.Linq;

namespace PaperBot.Sources.Parsing;

/// <summary>
/// The only way parsers read XML: no DTDs (so no entity expansion — "billion laughs" — and no external entities),
/// no resolver, capped size. An HTML page or a DTD is refused with a message that says so.
/// </summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = ParseLimits.MaxDocumentBytes,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static bool TryLoad(byte[] bytes, out XDocument document, out string? error)
    {
        document = new XDocument();
        error = Refusal(bytes);
        if (error is not null) return false;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings());
            document = XDocument.Load(reader);
            return true;
        }
        catch (XmlException e)
        {
            error = Describe(e);
            return false;
        }
    }

    /// <summary>Opens a reader for parsers that stream (System.ServiceModel.Syndication), after the same refusals.</summary>
    public static XmlReader? TryOpen(byte[] bytes, out string? error)
    {
        error = Refusal(bytes);
        return error is null ? XmlReader.Create(new MemoryStream(bytes, writable: false), Settings()) : null;
    }

    public static string Describe(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal)
            ? "The document declares a DTD, which is refused (entity expansion and external entities are unsafe)."
            : $"Malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}";

    private static string? Refusal(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, DocumentParsers.HeadLength));
        if (bytes.Length == 0) return "The document is empty.";
        if (ContentSniffer.LooksLikeHtml(head)) return "The document is an HTML page, not a feed (an error or login page?).";
        var text = ContentSniffer.Text(head);
        if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || text.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
            return "The document declares a DTD, which is refused (entity expansion and external entities are unsafe).";
        return null;
    }
}
