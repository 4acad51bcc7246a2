using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Search;

/// <summary>
/// One page of hits and how many papers match in all; or the query's <see cref="Error"/> (position and what was expected).
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, QueryError? Error = null)
{
    public bool IsSuccess => Error is null;

    public static SearchResults Failed(QueryError error) => new([], 0, error);
}

/// <summary>
/// A matching paper with its score (higher is better; only meaningful within one result list) and the title and an
/// abstract excerpt with matched words marked <c>**like this**</c> (plain text: escape before rendering as HTML).
/// </summary>
public sealed record SearchHit(Paper Paper, double Score, string Title, string Snippet)
{
    public PaperId Id => Paper.Id;
}
