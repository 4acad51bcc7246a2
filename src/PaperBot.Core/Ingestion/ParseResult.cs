using PaperBot.Core.Papers;

namespace PaperBot.Core.Ingestion;

/// <summary>An entry a parser could not turn into a paper, with where it was and why: each on one line and of
/// readable length, since both quote the document (a mangled feed's id is a 5 KB run of brackets).</summary>
public sealed record RejectedEntry(string Location, string Reason)
{
    public string Location { get; init; } = Readable(Location, 200);

    public string Reason { get; init; } = Readable(Reason, 500);

    public override string ToString() => $"{Location}: {Reason}";

    private static string Readable(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : Utf16Text.Cut(line, length - 1) + "…";
    }
}

/// <summary>What a parser made of one document: the papers it could read and the entries it rejected.
/// An unreadable document (not the format, malformed throughout) is <see cref="Error"/> with no papers.</summary>
public sealed record ParseResult(IReadOnlyList<Paper> Papers, IReadOnlyList<RejectedEntry> Rejected, string? Error = null)
{
    public static ParseResult Failed(string error) => new([], [], error);

    public bool IsFailure => Error is not null;
}
