using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;

namespace PaperBot.Sources.Arxiv;

/// <summary>arXiv's announce types (<c>arxiv:announce_type</c>).</summary>
public static class AnnounceTypes
{
    public const string New = "new";
    public const string Cross = "cross";
    public const string Replace = "replace";
    public const string ReplaceCross = "replace-cross";

    public static IReadOnlyList<string> All { get; } = [New, Cross, Replace, ReplaceCross];
}

/// <summary>A paper as announced in an arXiv listing, with how it was announced.</summary>
public sealed record ArxivAnnouncement(Paper Paper, string AnnounceType);

/// <summary>An arXiv RSS/Atom listing: the announced papers, the rejected entries, and whether arXiv announced
/// anything at all (the feeds are empty on weekends and holidays — a success, not a failure).</summary>
public sealed record ArxivListing(IReadOnlyList<ArxivAnnouncement> Announcements, IReadOnlyList<RejectedEntry> Rejected, bool NoAnnouncement, string? Error = null)
{
    public static ArxivListing Failed(string error) => new([], [], false, error);

    public ParseResult ToParseResult() =>
        Error is not null ? ParseResult.Failed(Error) : new ParseResult([.. Announcements.Select(a => a.Paper)], Rejected);
}
