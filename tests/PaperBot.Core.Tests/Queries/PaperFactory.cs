using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Queries;

internal static class PaperFactory
{
    public static Paper Make(string title, string abstractText = "", string[]? authors = null, string[]? categories = null,
        string[]? sources = null, int? upvotes = null, string id = "2501.00001") => new()
    {
        Id = PaperId.Parse(id),
        Title = title,
        Abstract = abstractText,
        Authors = authors ?? [],
        Categories = categories ?? [],
        Sources = [.. (sources ?? ["arxiv"]).Select(s => new Provenance(s, DateTimeOffset.UnixEpoch))],
        Upvotes = upvotes,
    };
}
