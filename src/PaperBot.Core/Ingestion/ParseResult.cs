using PaperBot.Core.Papers;

namespace PaperBot.Core.Ingestion;

/// <summary>An entry a parser could not turn into a paper, with where it was and why.</summary>
public sealed record RejectedEntry(string Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>What a parser made of one document: the papers it could read and the entries it rejected.
/// An unreadable document (not the format, malformed throughout) is <see cref="Error"/> with no papers.</summary>
public sealed record ParseResult(IReadOnlyList<Paper> Papers, IReadOnlyList<RejectedEntry> Rejected, string? Error = null)
{
    public static ParseResult Failed(string error) => new([], [], error);

    public bool IsFailure => Error is not null;
}
