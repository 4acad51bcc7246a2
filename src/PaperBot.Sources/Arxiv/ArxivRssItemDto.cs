namespace PaperBot.Sources.Arxiv;

/// <summary>One arXiv RSS <c>item</c> (or Atom-variant <c>entry</c>), as written on the wire.</summary>
internal sealed record ArxivRssItemDto(
    string? Guid,
    string? Link,
    string? Title,
    string? Description,
    string? PubDate,
    string? AnnounceType,
    IReadOnlyList<string> Creators,
    IReadOnlyList<string> Categories,
    string? Doi,
    string? JournalRef);
