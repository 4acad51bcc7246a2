namespace PaperBot.Sources.Arxiv;

/// <summary>One <c>entry</c> of an arXiv API response, as written on the wire.</summary>
internal sealed record ArxivEntryDto(
    string? Id,
    string? Title,
    string? Summary,
    string? Published,
    string? Updated,
    IReadOnlyList<string> Authors,
    string? PrimaryCategory,
    IReadOnlyList<string> Categories,
    string? Comment,
    string? JournalRef,
    string? Doi);
