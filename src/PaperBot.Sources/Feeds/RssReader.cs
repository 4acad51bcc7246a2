using System.Xml.Linq;
using PaperBot.Sources.Parsing;
using static PaperBot.Sources.Feeds.FeedXml;

namespace PaperBot.Sources.Feeds;

/// <summary>
/// Every RSS: <c>&lt;rss&gt;</c> of any version (0.91–0.94, 2.0, 2.01 or none — each is a subset of 2.0, so one
/// reading serves all) and <c>&lt;rdf:RDF&gt;</c> (RSS 0.90 and 1.0, as Nature and APS publish), whose items sit
/// beside the channel rather than in it and credit authors with <c>dc:creator</c>.
/// </summary>
internal static class RssReader
{
    public static (IReadOnlyList<FeedItemDto> Items, string? Error) Read(XElement root)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var firstItem = root.Elements().FirstOrDefault(e => e.Name.LocalName == "item");
        // RSS 2.0 has no namespace, RSS 1.0 and 0.90 each have their own.
        var vocabulary = channel?.Name.Namespace ?? firstItem?.Name.Namespace ?? XNamespace.None;
        if (channel is null && firstItem is null) return ([], $"The <{root.Name.LocalName}> document has neither a channel nor items.");

        var feedBase = EntryRules.HttpUrl(channel?.OwnText("link", vocabulary)) is { } link ? new Uri(link) : null;
        var items = (channel?.Own("item", vocabulary) ?? []).Concat(root.Own("item", vocabulary));
        return ([.. items.Select(i => ReadItem(i, vocabulary, feedBase))], null);
    }

    private static FeedItemDto ReadItem(XElement item, XNamespace rss, Uri? feedBase)
    {
        var about = item.Attribute(Rdf + "about")?.Value;
        var guid = item.Own("guid", rss).FirstOrDefault(g => !string.IsNullOrWhiteSpace(g.Value));
        var guidIsLink = guid is not null && !string.Equals(guid.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        // The guid and rdf:about stand in for a missing link only when they are absolute URLs themselves.
        IEnumerable<string?> links = [.. item.Own("link", rss).Select(l => l.Value),
            guidIsLink ? EntryRules.HttpUrl(guid!.Value) : null, EntryRules.HttpUrl(about), item.Prism("url")];
        return new FeedItemDto
        {
            Line = SafeXml.Line(item),
            Id = guid?.Value ?? about,
            Links = [.. links.OfType<string>()],
            Base = feedBase,
            Title = item.OwnText("title", rss) ?? item.Text(Dc + "title"),
            Summary = item.OwnText("description", rss) ?? item.Text(Dc + "description"),
            Content = item.Text(Content + "encoded"),
            Authors = [.. item.Own("author", rss).Select(a => AuthorName(a.Value)).OfType<string>()],
            Creators = [.. item.Texts(Dc + "creator")],
            Categories = [.. item.Own("category", rss).Select(c => c.Value).Concat(item.Texts(Dc + "subject"))],
            Published = item.OwnText("pubDate", rss) ?? item.Text(Dc + "date") ?? item.Prism("publicationDate"),
            Doi = item.Doi(),
        };
    }

    /// <summary>RSS 2.0's author is an address, "jane@example.org (Jane Doe)"; many feeds put just the name there.</summary>
    private static string? AuthorName(string text)
    {
        var s = text.Trim();
        var open = s.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0 && s.EndsWith(')')) return s[(open + 1)..^1].Trim();
        return s.Length == 0 || (s.Contains('@', StringComparison.Ordinal) && !s.Contains(' ', StringComparison.Ordinal)) ? null : s;
    }
}
