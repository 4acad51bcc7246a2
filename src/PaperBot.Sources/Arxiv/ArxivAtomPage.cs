using PaperBot.Core.Ingestion;

namespace PaperBot.Sources.Arxiv;

/// <summary>One page of an arXiv API result set: the papers plus the OpenSearch paging fields.</summary>
public sealed record ArxivAtomPage(ParseResult Result, int? TotalResults, int? StartIndex, int? ItemsPerPage)
{
    /// <summary>Entries on this page, counting rejected ones: what paging advances by.</summary>
    public int EntryCount => Result.Papers.Count + Result.Rejected.Count;

    /// <summary>arXiv answered "Rate exceeded." instead of a page: worth another try later.</summary>
    public bool Throttled { get; init; }

    public static ArxivAtomPage Failed(string error) => new(ParseResult.Failed(error), null, null, null);
}
