using System.ServiceModel.Syndication;
using System.Xml;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Feeds;

/// <summary>The one place a feed item becomes a <see cref="Paper"/>: keyed by the arXiv id when the item links
/// to arXiv, otherwise by its link (or guid).</summary>
internal static class SyndicationMapping
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static (Paper? Paper, string? Reason) ToPaper(SyndicationItem item)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()?.AbsoluteUri
            ?? item.Links.FirstOrDefault()?.GetAbsoluteUri()?.AbsoluteUri;
        var arxiv = ArxivId.TryParse(link, out var fromLink) ? fromLink : ArxivId.TryParse(item.Id, out var fromId) ? fromId : (ArxivId?)null;
        var key = link ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out _) || !string.IsNullOrWhiteSpace(item.Id) ? item.Id : null);
        if (arxiv is null && key is null) return (null, "the item has neither a link nor a guid");

        var title = TextCleaner.Clean(item.Title?.Text);
        if (EntryRules.TitleProblem(title) is { } problem) return (null, problem);

        return (new Paper
        {
            Id = arxiv is { } a ? PaperId.FromArxiv(a) : PaperId.FromUrl(key!),
            Version = arxiv?.Version,
            Title = title,
            Abstract = TextCleaner.CleanAbstract(item.Summary?.Text ?? (item.Content as TextSyndicationContent)?.Text),
            Authors = [.. Authors(item)],
            Categories = [.. item.Categories.Select(c => c.Name?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            Links = arxiv is { } id ? EntryRules.ArxivLinks(id) : new PaperLinks { Other = link },
            PublishedAt = DateOrNull(item.PublishDate),
            UpdatedAt = DateOrNull(item.LastUpdatedTime),
        }, null);
    }

    private static IEnumerable<string> Authors(SyndicationItem item)
    {
        var named = item.Authors.Select(a => TextCleaner.Clean(a.Name ?? a.Email)).Where(n => n.Length > 0).ToList();
        if (named.Count > 0) return named;
        // RSS feeds often credit authors with dc:creator, which Syndication leaves as an extension.
        return item.ElementExtensions
            .Where(e => e.OuterName == "creator" && e.OuterNamespace == DublinCore)
            .SelectMany(e => EntryRules.SplitAuthors(ReadText(e)));
    }

    private static string ReadText(SyndicationElementExtension extension)
    {
        using var reader = extension.GetReader();
        return reader.ReadElementContentAsString();
    }

    private static DateTimeOffset? DateOrNull(DateTimeOffset d) => d == default || d == DateTimeOffset.MinValue ? null : d;
}
