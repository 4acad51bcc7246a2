using System.Globalization;
using System.Xml.Linq;

namespace PaperBot.Sources.Arxiv;

/// <summary>The XML namespaces of arXiv's Atom and RSS documents.</summary>
internal static class ArxivXml
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";
    public static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public const string ArxivNamespaceText = "arxiv.org/schemas/atom";

    public static string? Text(this XElement parent, XName name) => parent.Element(name)?.Value;

    public static int? Int(this XElement parent, XName name) =>
        int.TryParse(parent.Element(name)?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
