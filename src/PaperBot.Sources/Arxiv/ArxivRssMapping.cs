using System.Text.RegularExpressions;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Arxiv;

/// <summary>The one place an arXiv RSS item becomes a <see cref="Paper"/> with its announce type.</summary>
internal static partial class ArxivRssMapping
{
    // "arXiv:2402.12345v1 Announce Type: new \nAbstract: We show …"
    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce Type:\s*(?<type>[A-Za-z-]+)\s*(?:Abstract:\s*)?(?<abstract>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Description();

    // Pre-2024 titles ended in "(arXiv:2402.12345v1 [cs.AI] UPDATED)".
    [GeneratedRegex(@"\s*\(arXiv:[^()]*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyTitleSuffix();

    public static (ArxivAnnouncement? Announcement, string? Reason) ToAnnouncement(ArxivRssItemDto item)
    {
        var description = Description().Match(item.Description ?? "");
        var arxiv = ParseId(item.Guid, description.Success ? description.Groups["id"].Value : null, item.Link);
        if (arxiv is not { } id) return (null, $"no arXiv id in guid '{item.Guid}' or link '{item.Link}'");

        var title = TextCleaner.Clean(LegacyTitleSuffix().Replace(item.Title ?? "", ""));
        if (EntryRules.TitleProblem(title) is { } problem) return (null, problem);

        var announceType = (item.AnnounceType ?? (description.Success ? description.Groups["type"].Value : null) ?? AnnounceTypes.New)
            .Trim().ToLowerInvariant();
        var doi = TextCleaner.Clean(item.Doi);
        var journal = TextCleaner.Clean(item.JournalRef);
        var paper = new Paper
        {
            Id = PaperId.FromArxiv(id),
            Version = id.Version,
            Title = title,
            Abstract = TextCleaner.CleanAbstract(description.Success ? description.Groups["abstract"].Value : item.Description),
            Authors = [.. item.Creators.SelectMany(EntryRules.SplitAuthors)],
            Categories = EntryRules.Categories(item.Categories),
            Links = EntryRules.ArxivLinks(id) with { Doi = doi.Length > 0 ? doi : null },
            PublishedAt = EntryRules.ParseDate(item.PubDate),
            JournalRef = journal.Length > 0 ? journal : null,
        };
        return (new ArxivAnnouncement(paper, announceType), null);
    }

    /// <summary>The guid and the description carry the version; the link does not. The first versioned id wins.</summary>
    private static ArxivId? ParseId(params string?[] candidates)
    {
        ArxivId? unversioned = null;
        foreach (var c in candidates)
        {
            if (!ArxivId.TryParse(c, out var id)) continue;
            if (id.Version is not null) return id;
            unversioned ??= id;
        }
        return unversioned;
    }
}
