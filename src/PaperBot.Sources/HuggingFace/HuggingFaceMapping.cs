using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.HuggingFace;

/// <summary>The one place a Hugging Face item becomes a <see cref="Paper"/>.</summary>
internal static class HuggingFaceMapping
{
    public static (Paper? Paper, string? Reason) ToPaper(HfDailyItemDto? item)
    {
        var p = item?.Paper;
        if (p is null) return (null, "the item has no 'paper' object");
        if (!ArxivId.TryParse(p.Id, out var arxiv)) return (null, $"'{p.Id}' is not an arXiv id");

        var title = TextCleaner.Clean(p.Title ?? item!.Title);
        if (EntryRules.TitleProblem(title) is { } problem) return (null, problem);

        var seenOnDaily = EntryRules.ParseDate(p.SubmittedOnDailyAt);
        var paper = new Paper
        {
            Id = PaperId.FromArxiv(arxiv),
            Version = arxiv.Version,
            Title = title,
            Abstract = TextCleaner.CleanAbstract(p.Summary ?? item!.Summary),
            Authors = [.. (p.Authors ?? []).Where(a => a is { Hidden: false } && !string.IsNullOrWhiteSpace(a.Name)).Select(a => TextCleaner.Clean(a!.Name))],
            Upvotes = p.Upvotes,
            Summary = string.IsNullOrWhiteSpace(p.AiSummary) ? null : TextCleaner.Clean(p.AiSummary),
            Keywords = [.. (p.AiKeywords ?? []).Select(TextCleaner.Clean).Where(k => k.Length > 0)],
            Links = EntryRules.ArxivLinks(arxiv) with { Code = EntryRules.HttpUrl(p.GithubRepo), ProjectPage = EntryRules.HttpUrl(p.ProjectPage) },
            PublishedAt = EntryRules.ParseDate(p.PublishedAt ?? item!.PublishedAt),
            // When Hugging Face featured the paper is when this source first saw it.
            Sources = seenOnDaily is { } seen ? [new Provenance(PaperSources.HuggingFace, seen)] : [],
        };
        return (paper, null);
    }
}
