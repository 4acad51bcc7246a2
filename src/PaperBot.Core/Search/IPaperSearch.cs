using PaperBot.Core.Papers;

namespace PaperBot.Core.Search;

/// <summary>
/// Searches every stored paper with the query language (CLI <c>search</c>, Discord <c>/search</c>, the web search box).
/// Bad queries come back as <see cref="SearchResults.Error"/>, never as exceptions.
/// </summary>
public interface IPaperSearch
{
    SearchResults Search(SearchRequest request);

    /// <summary>Newest papers first (publication date, first-seen date when unknown), optionally from one source.</summary>
    IReadOnlyList<Paper> Latest(int count, string? source = null);

    /// <summary>The most upvoted papers published (or first seen) in the last <paramref name="days"/> days.</summary>
    IReadOnlyList<Paper> Trending(int count, int days = 7);
}
