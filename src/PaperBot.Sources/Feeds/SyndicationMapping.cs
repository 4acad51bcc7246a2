using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Feeds;

/// <summary>The one place a feed item becomes a <see cref="Paper"/>: keyed by the arXiv id when the item links
/// to arXiv, otherwise by its link (or guid). Only http(s) links are kept.</summary>
internal static class SyndicationMapping
{
    public static (Paper? Paper, string? Reason) ToPaper(FeedItemDto item)
    {
        var link = item.Links.Select(l => EntryRules.HttpUrl(l, item.Base)).FirstOrDefault(l => l is not null);
        var guid = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim();
        var arxiv = ArxivId.TryParse(link, out var fromLink) ? fromLink : ArxivId.TryParse(guid, out var fromId) ? fromId : (ArxivId?)null;
        var key = link ?? guid;
        if (arxiv is null && key is null) return (null, "the item has neither an http(s) link nor a guid");

        var title = TextCleaner.Clean(item.Title);
        if (EntryRules.TitleProblem(title) is { } problem) return (null, problem);

        var doi = EntryRules.Doi(item.Doi);
        return (new Paper
        {
            Id = arxiv is { } a ? PaperId.FromArxiv(a) : PaperId.FromUrl(key!),
            Version = arxiv?.Version,
            Title = title,
            Abstract = TextCleaner.CleanAbstract(string.IsNullOrWhiteSpace(item.Summary) ? item.Content : item.Summary),
            Authors = [.. Authors(item)],
            Categories = EntryRules.Categories(item.Categories),
            Links = arxiv is { } id ? EntryRules.ArxivLinks(id) with { Doi = doi } : new PaperLinks { Other = link, Doi = doi },
            PublishedAt = EntryRules.ParseDate(item.Published),
            UpdatedAt = EntryRules.ParseDate(item.Updated),
        }, null);
    }

    /// <summary>Names given one by one are kept whole ("Smith, J."); otherwise the dc:creator lists are split.</summary>
    private static IEnumerable<string> Authors(FeedItemDto item)
    {
        var named = item.Authors.Select(a => TextCleaner.Clean(a)).Where(n => n.Length > 0).ToList();
        return named.Count > 0 ? named : item.Creators.SelectMany(EntryRules.SplitAuthors).Distinct(StringComparer.Ordinal);
    }
}
