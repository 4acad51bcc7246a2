namespace PaperBot.Core.Storage;

/// <summary>What PaperBot knows about polling one source: health for /healthz and /status, and the
/// validators for conditional GET. Kept in the database so that a restart resumes where it stopped.</summary>
public sealed record SourceState
{
    public required string Source { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }

    /// <summary>The first failure since the last success: how long the source has been down (owner notices, staleness).</summary>
    public DateTimeOffset? FailingSince { get; init; }
    public long ItemsSeen { get; init; }

    /// <summary>True once the first successful poll recorded the baseline (which alerts nobody).</summary>
    public bool BaselineRecorded { get; init; }

    /// <summary>Conditional-GET validators, per request URL.</summary>
    public IReadOnlyDictionary<string, string> ETags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> LastModified { get; init; } = new Dictionary<string, string>();
}

public interface ISourceStateStore
{
    SourceState Get(string source);
    void Put(SourceState state);
    IReadOnlyList<SourceState> All();
}
