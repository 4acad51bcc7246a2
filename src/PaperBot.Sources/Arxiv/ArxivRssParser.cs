using System.Globalization;
using System.Xml.Linq;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;
using static PaperBot.Sources.Arxiv.ArxivXml;

namespace PaperBot.Sources.Arxiv;

/// <summary>
/// arXiv's announcement feeds as rebuilt in 2024: <c>rss.arxiv.org/rss/&lt;cats&gt;</c> (RSS 2.0) and
/// <c>/atom/&lt;cats&gt;</c>, recognised by the <c>arxiv:</c> namespace without the API's OpenSearch paging.
/// </summary>
public sealed class ArxivRssParser : IDocumentParser
{
    public string Format => "arxiv-rss";

    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = ContentSniffer.Text(head);
        if (!text.Contains(ArxivNamespaceText, StringComparison.Ordinal)) return false;
        return ContentSniffer.HasXmlRoot(text, "rss")
            || (ContentSniffer.HasXmlRoot(text, "feed") && !text.Contains("opensearch", StringComparison.OrdinalIgnoreCase));
    }

    public ParseResult Parse(Stream stream) => ParseListing(stream).ToParseResult();

    public ArxivListing ParseListing(Stream stream)
    {
        if (!DocumentBytes.TryReadAll(stream, ParseLimits.MaxDocumentBytes, out var bytes, out var readError))
            return ArxivListing.Failed(readError!);
        if (!SafeXml.TryLoad(bytes, out var document, out var xmlError)) return ArxivListing.Failed(xmlError!);

        var root = document.Root!;
        IReadOnlyList<ArxivRssItemDto> items;
        if (root.Name == "rss")
        {
            if (root.Element("channel") is not { } channel) return ArxivListing.Failed("The RSS document has no channel.");
            items = [.. channel.Elements("item").Select(ReadRssItem)];
        }
        else if (root.Name == Atom + "feed")
        {
            items = [.. root.Elements(Atom + "entry").Select(ReadAtomEntry)];
        }
        else return ArxivListing.Failed($"Expected an RSS or Atom document, found <{root.Name.LocalName}>.");

        var announced = new List<ArxivAnnouncement>();
        var rejected = new List<RejectedEntry>();
        for (var i = 0; i < items.Count; i++)
        {
            var (announcement, reason) = ArxivRssMapping.ToAnnouncement(items[i]);
            if (announcement is null)
                rejected.Add(new RejectedEntry($"item {i.ToString(CultureInfo.InvariantCulture)}" + (items[i].Guid is { } g ? $" ({g.Trim()})" : ""), reason!));
            else announced.Add(announcement);
        }
        return new ArxivListing(announced, rejected, NoAnnouncement: items.Count == 0);
    }

    private static ArxivRssItemDto ReadRssItem(XElement item) => new(
        Guid: item.Text("guid"),
        Link: item.Text("link"),
        Title: item.Text("title"),
        Description: item.Text("description"),
        PubDate: item.Text("pubDate"),
        AnnounceType: item.Text(ArxivNs + "announce_type"),
        Creators: [.. item.Elements(Dc + "creator").Select(c => c.Value)],
        Categories: [.. item.Elements("category").Select(c => c.Value)],
        Doi: item.Text(ArxivNs + "DOI"),
        JournalRef: item.Text(ArxivNs + "journal_reference"));

    private static ArxivRssItemDto ReadAtomEntry(XElement entry) => new(
        Guid: entry.Text(Atom + "id"),
        Link: entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value,
        Title: entry.Text(Atom + "title"),
        Description: entry.Text(Atom + "summary"),
        PubDate: entry.Text(Atom + "published") ?? entry.Text(Atom + "updated"),
        AnnounceType: entry.Text(ArxivNs + "announce_type"),
        Creators: [.. entry.Elements(Dc + "creator").Select(c => c.Value)
            .Concat(entry.Elements(Atom + "author").Select(a => a.Text(Atom + "name") ?? ""))],
        Categories: [.. entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value ?? "")],
        Doi: entry.Text(ArxivNs + "DOI"),
        JournalRef: entry.Text(ArxivNs + "journal_reference"));
}
