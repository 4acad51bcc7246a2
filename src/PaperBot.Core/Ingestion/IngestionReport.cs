namespace PaperBot.Core.Ingestion;

/// <summary>What one ingestion run did to one source (the counts <c>ingest</c> and <c>import</c> print).</summary>
public sealed record SourceRunReport(string Source)
{
    public int New { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public IReadOnlyList<RejectedEntry> RejectedEntries { get; init; } = [];
    public int Rejected => RejectedEntries.Count;

    /// <summary>Outbox items added for the new papers (zero when the run did not alert).</summary>
    public int Alerts { get; init; }

    /// <summary>This run was the source's first successful poll: papers were stored as the baseline, nobody alerted.</summary>
    public bool Baseline { get; init; }

    public bool NotModified { get; init; }
    public bool NoAnnouncement { get; init; }
    public string? Skipped { get; init; }
    public string? Error { get; init; }
    public TimeSpan Duration { get; init; }

    public bool Succeeded => Error is null;
}

public sealed record IngestionReport(IReadOnlyList<SourceRunReport> Sources)
{
    public bool Succeeded => Sources.All(s => s.Succeeded);
    public int New => Sources.Sum(s => s.New);
    public int Updated => Sources.Sum(s => s.Updated);
    public int Unchanged => Sources.Sum(s => s.Unchanged);
    public int Rejected => Sources.Sum(s => s.Rejected);
}
