using PaperBot.Core.Papers;

namespace PaperBot.Search.Tests.Support;

/// <summary>Short ways to write test papers: ids 2501.00001, 2501.00002, … and a fixed clock.</summary>
public static class Papers
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static Paper Make(int number, string title, string @abstract = "", string[]? authors = null, string[]? categories = null,
        int? upvotes = null, DateTimeOffset? published = null, DateTimeOffset? firstSeen = null, string source = "arxiv") => new()
    {
        Id = IdOf(number),
        Title = title,
        Abstract = @abstract,
        Authors = authors ?? [],
        Categories = categories ?? [],
        Upvotes = upvotes,
        PublishedAt = published,
        FirstSeenAt = firstSeen ?? Now.AddMinutes(number),
        Sources = [new Provenance(source, firstSeen ?? Now)],
    };

    public static PaperId IdOf(int number) => PaperId.Parse($"2501.{number:D5}");
}
