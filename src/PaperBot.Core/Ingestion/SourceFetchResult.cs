using PaperBot.Core.Papers;

namespace PaperBot.Core.Ingestion;

/// <summary>A paper a source brought, and whether it may alert subscribers when it is new
/// (an arXiv RSS cross-list or replacement is stored but alerts only when its announce type is configured).</summary>
public sealed record FetchedPaper(Paper Paper, bool AlertEligible = true);

/// <summary>What one fetch of a source brought.</summary>
public sealed record SourceFetchResult
{
    public IReadOnlyList<FetchedPaper> Papers { get; init; } = [];
    public IReadOnlyList<RejectedEntry> Rejected { get; init; } = [];

    /// <summary>Every request answered 304: nothing changed since the last poll.</summary>
    public bool NotModified { get; init; }

    /// <summary>The source announced nothing (an arXiv weekend or holiday): a success with zero papers.</summary>
    public bool NoAnnouncement { get; init; }

    /// <summary>Why the source did nothing on purpose (for example, a feed cannot backfill by date).</summary>
    public string? Skipped { get; init; }

    /// <summary>Validators the responses returned, to be remembered for the next poll.</summary>
    public CacheValidators Validators { get; init; } = CacheValidators.None;

    public string? Error { get; init; }

    public bool IsFailure => Error is not null;

    /// <summary>A failed fetch. It carries no validators: remembering them would turn the retry into a 304 and
    /// lose the papers this run could not store.</summary>
    public static SourceFetchResult Failed(string error) => new() { Error = error };
}
