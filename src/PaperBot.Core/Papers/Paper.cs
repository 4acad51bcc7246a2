namespace PaperBot.Core.Papers;

/// <summary>
/// One research paper, whichever sources brought it. Immutable: sources build one, the store merges
/// (see <see cref="PaperMerger"/>) and returns the merged record.
/// </summary>
public sealed record Paper
{
    public required PaperId Id { get; init; }

    /// <summary>The latest arXiv version seen (v2 → 2); null when the source does not say.</summary>
    public int? Version { get; init; }

    public required string Title { get; init; }
    public string Abstract { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>arXiv categories, the primary one first (<c>cs.LG</c>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public PaperLinks Links { get; init; } = new();
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Hugging Face upvotes, refreshed on every poll.</summary>
    public int? Upvotes { get; init; }

    /// <summary>A one-paragraph summary (Hugging Face <c>ai_summary</c>).</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string? Comment { get; init; }
    public string? JournalRef { get; init; }

    /// <summary>Where this record came from: one entry per source, the first time that source saw it.</summary>
    public IReadOnlyList<Provenance> Sources { get; init; } = [];

    /// <summary>When PaperBot first stored this paper (set by the store).</summary>
    public DateTimeOffset FirstSeenAt { get; init; }

    /// <summary>When the store last changed the stored record (set by the store); null when it never changed.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>When the store last wrote this record: what derived data (the search index) replays from after a crash.</summary>
    public DateTimeOffset LastStoredAt => ChangedAt ?? FirstSeenAt;

    public bool HasSource(string source) => Sources.Any(s => string.Equals(s.Source, source, StringComparison.OrdinalIgnoreCase));

    /// <summary>The paper's most useful public link: the arXiv abstract page when there is one.</summary>
    public string? PrimaryUrl => Links.Abstract ?? (Id.IsArxiv ? $"https://arxiv.org/abs/{Id.Value}" : Links.Other);
}

public sealed record PaperLinks
{
    public string? Abstract { get; init; }
    public string? Pdf { get; init; }
    public string? Code { get; init; }
    public string? ProjectPage { get; init; }
    public string? Doi { get; init; }

    /// <summary>The link a non-arXiv feed gave (a journal or blog page).</summary>
    public string? Other { get; init; }
}

/// <summary>A source that brought a paper, and when it first did.</summary>
public sealed record Provenance(string Source, DateTimeOffset SeenAt);
