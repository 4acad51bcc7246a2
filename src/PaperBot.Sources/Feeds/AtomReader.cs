using System.Xml.Linq;
using PaperBot.Sources.Parsing;
using static PaperBot.Sources.Feeds.FeedXml;

namespace PaperBot.Sources.Feeds;

/// <summary>
/// Atom 1.0 and the older 0.3, with the deviations real feeds have: content of any text type
/// (<c>text/plain</c>), links without <c>href</c> (skipped, or their text used), missing dates, a missing namespace.
/// Each entry is read on its own, so one odd entry never costs the others.
/// </summary>
internal static class AtomReader
{
    public static IReadOnlyList<FeedItemDto> Read(XElement feed)
    {
        var atom = feed.Name.Namespace;
        var feedBase = Base(feed, atom, null);
        return [.. feed.Own("entry", atom).Select(e => ReadEntry(e, atom, feedBase))];
    }

    private static FeedItemDto ReadEntry(XElement entry, XNamespace atom, Uri? feedBase) => new()
    {
        Line = SafeXml.Line(entry),
        Id = entry.OwnText("id", atom),
        // Many feeds use the entry's permalink as its id: the last resort when no link can be used.
        Links = [.. Links(entry, atom), .. EntryRules.HttpUrl(entry.OwnText("id", atom)) is { } permalink ? [permalink] : Array.Empty<string>()],
        Base = Base(entry, atom, feedBase),
        Title = entry.OwnText("title", atom),
        Summary = entry.OwnText("summary", atom),
        Content = NonBinary(entry.Own("content", atom)),
        Authors = [.. entry.Own("author", atom).Select(a => a.OwnText("name", atom) ?? a.OwnText("email", atom)).OfType<string>()],
        Creators = [.. entry.Texts(Dc + "creator")],
        Categories = [.. entry.Own("category", atom).Select(c => c.Attribute("term")?.Value ?? c.Attribute("label")?.Value ?? c.Value)],
        // Atom 0.3 said issued / created / modified.
        Published = entry.OwnText("published", atom) ?? entry.OwnText("issued", atom) ?? entry.OwnText("created", atom) ?? entry.Text(Dc + "date"),
        Updated = entry.OwnText("updated", atom) ?? entry.OwnText("modified", atom),
        Doi = entry.Doi(),
    };

    /// <summary>The alternate (page) links first, then the rest; a link without href may carry the URL as text.</summary>
    private static IEnumerable<string> Links(XElement entry, XNamespace atom) =>
        entry.Own("link", atom)
            .OrderBy(l => l.Attribute("rel")?.Value.Trim() is null or "" or "alternate" ? 0 : 1)
            .Select(l => l.Attribute("href")?.Value ?? l.Value)
            .Where(href => !string.IsNullOrWhiteSpace(href));

    private static Uri? Base(XElement element, XNamespace atom, Uri? parent)
    {
        var xmlBase = element.Attribute(XNamespace.Xml + "base")?.Value;
        var own = EntryRules.HttpUrl(xmlBase, parent) ?? (parent is null ? EntryRules.HttpUrl(Links(element, atom).FirstOrDefault()) : null);
        return own is not null ? new Uri(own) : parent;
    }

    /// <summary>Text, HTML, XHTML or any text/* content; base64 media and out-of-line (<c>src</c>) content are no abstract.</summary>
    private static string? NonBinary(IEnumerable<XElement> contents) =>
        contents.Where(IsText).Select(c => c.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static bool IsText(XElement content) =>
        content.Attribute("src") is null
        && (content.Attribute("type")?.Value.Trim() is not { Length: > 0 } type
            || type is "text" or "html" or "xhtml"
            || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase));
}
