using PaperBot.Core.Queries;

namespace PaperBot.Core.Search;

public enum SearchSort
{
    /// <summary>Best match first: title hits over abstract hits, lifted by Hugging Face upvotes (see <see cref="MatchScoring"/>).</summary>
    Relevance,
    Newest,
    MostUpvoted,
}

/// <summary>
/// One search: either <see cref="Text"/> in the query language or an already parsed <see cref="Query"/>; with neither,
/// every paper (of the date range), for browsing a day.
/// <see cref="Limit"/> is capped at <see cref="MaxLimit"/>; <see cref="Since"/> keeps papers published (or, when the
/// date is unknown, first seen) on or after it.
/// </summary>
public sealed record SearchRequest
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 20;

    public string? Text { get; init; }
    public Query? Query { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public DateTimeOffset? Since { get; init; }

    /// <summary>Keeps papers published (or first seen) before it (exclusive).</summary>
    public DateTimeOffset? Until { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = DefaultLimit;

    public static SearchRequest For(string text, int limit = DefaultLimit) => new() { Text = text, Limit = limit };
}
