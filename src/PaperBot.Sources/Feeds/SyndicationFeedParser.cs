using System.Globalization;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Feeds;

/// <summary>
/// Any RSS (0.90–2.01, 1.0/RDF) or Atom (0.3, 1.0) feed: journals, blogs. Read from the XML tree by this project
/// rather than by System.ServiceModel.Syndication, whose formatters accept only RSS "2.0" and Atom 1.0, throw for
/// anything else (a version 0.91, RDF, a link without href) and lose the whole feed for one odd element; here an
/// entry that cannot be read is rejected with its line and the others are kept.
/// </summary>
public sealed class SyndicationFeedParser : IDocumentParser
{
    public string Format => "feed";

    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = ContentSniffer.Text(head);
        return ContentSniffer.HasXmlRoot(text, "rss") || ContentSniffer.HasXmlRoot(text, "feed")
            || (ContentSniffer.HasXmlRoot(text, "rdf:RDF")
                && (text.Contains("purl.org/rss/1.0", StringComparison.Ordinal) || text.Contains("my.netscape.com/rdf/simple/0.9", StringComparison.Ordinal)));
    }

    public ParseResult Parse(Stream stream) =>
        DocumentBytes.TryReadAll(stream, ParseLimits.MaxDocumentBytes, out var bytes, out var readError)
            ? Parse(bytes, charset: null)
            : ParseResult.Failed(readError!);

    /// <summary>Parses a fetched document; <paramref name="charset"/> is the HTTP Content-Type's, which outranks the XML declaration.</summary>
    public ParseResult Parse(byte[] bytes, string? charset)
    {
        if (!SafeXml.TryLoad(bytes, charset, out var document, out var xmlError)) return ParseResult.Failed(xmlError!);

        var root = document.Root!;
        IReadOnlyList<FeedItemDto> items;
        switch (root.Name.LocalName)
        {
            case "rss" or "RDF":
                (items, var error) = RssReader.Read(root);
                if (error is not null) return ParseResult.Failed(error);
                break;
            case "feed":
                items = AtomReader.Read(root);
                break;
            default:
                return ParseResult.Failed($"Expected an RSS, RSS 1.0 (RDF) or Atom feed, found <{root.Name.LocalName}> at line {SafeXml.Line(root)}.");
        }

        var papers = new List<Paper>();
        var rejected = new List<RejectedEntry>();
        for (var i = 0; i < items.Count; i++)
        {
            var (paper, reason) = SyndicationMapping.ToPaper(items[i]);
            if (paper is not null)
            {
                papers.Add(paper);
                continue;
            }
            var id = items[i].Id?.Trim();
            var location = $"item {i.ToString(CultureInfo.InvariantCulture)} at line {items[i].Line.ToString(CultureInfo.InvariantCulture)}";
            rejected.Add(new RejectedEntry(string.IsNullOrEmpty(id) ? location : $"{location} ({id})", reason!));
        }
        return new ParseResult(papers, rejected);
    }
}
