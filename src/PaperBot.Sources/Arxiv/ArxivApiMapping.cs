using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Arxiv;

/// <summary>The one place an arXiv API entry becomes a <see cref="Paper"/>.</summary>
internal static class ArxivApiMapping
{
    public static (Paper? Paper, string? Reason) ToPaper(ArxivEntryDto e)
    {
        if (!ArxivId.TryParse(e.Id, out var arxiv)) return (null, $"'{e.Id?.Trim()}' is not an arXiv abstract URL");
        var title = TextCleaner.Clean(e.Title);
        if (EntryRules.TitleProblem(title) is { } problem) return (null, problem);

        IEnumerable<string> categories = e.PrimaryCategory is { } primary ? [primary, .. e.Categories] : e.Categories;
        var doi = Optional(e.Doi);
        return (new Paper
        {
            Id = PaperId.FromArxiv(arxiv),
            Version = arxiv.Version,
            Title = title,
            Abstract = TextCleaner.CleanAbstract(e.Summary),
            Authors = [.. e.Authors.Select(TextCleaner.Clean).Where(a => a.Length > 0)],
            Categories = EntryRules.Categories(categories),
            Links = EntryRules.ArxivLinks(arxiv) with { Doi = doi },
            PublishedAt = EntryRules.ParseDate(e.Published),
            UpdatedAt = EntryRules.ParseDate(e.Updated),
            Comment = Optional(e.Comment),
            JournalRef = Optional(e.JournalRef),
        }, null);
    }

    private static string? Optional(string? s) => TextCleaner.Clean(s) is { Length: > 0 } clean ? clean : null;
}
