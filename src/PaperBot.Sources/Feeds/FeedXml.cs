using System.Xml.Linq;

namespace PaperBot.Sources.Feeds;

/// <summary>Element lookups every feed dialect shares. A feed's own elements are matched by local name in its
/// vocabulary's namespace or in none, since publishers mix the two.</summary>
internal static class FeedXml
{
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static IEnumerable<XElement> Own(this XElement parent, string localName, XNamespace vocabulary) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && (e.Name.Namespace == vocabulary || e.Name.Namespace == XNamespace.None));

    /// <summary>The first non-blank value of the named own child.</summary>
    public static string? OwnText(this XElement parent, string localName, XNamespace vocabulary) =>
        NonBlank(parent.Own(localName, vocabulary).Select(e => e.Value));

    public static string? Text(this XElement parent, XName name) => NonBlank(parent.Elements(name).Select(e => e.Value));

    public static IEnumerable<string> Texts(this XElement parent, XName name) =>
        parent.Elements(name).Select(e => e.Value).Where(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The DOI, from PRISM (whichever of its namespace versions) or a <c>dc:identifier</c> "doi:…".</summary>
    public static string? Doi(this XElement item) =>
        item.Prism("doi") ?? item.Texts(Dc + "identifier").FirstOrDefault(v => v.Trim().StartsWith("doi:", StringComparison.OrdinalIgnoreCase));

    /// <summary>A PRISM element (publication date, URL) whichever of its namespace versions the feed uses.</summary>
    public static string? Prism(this XElement item, string localName) =>
        NonBlank(item.Elements().Where(e => e.Name.LocalName == localName && e.Name.NamespaceName.Contains("prism", StringComparison.OrdinalIgnoreCase)).Select(e => e.Value));

    private static string? NonBlank(IEnumerable<string> values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
