using Microsoft.Extensions.Logging;
using PaperBot.Core.Storage;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core.Ingestion;

/// <summary>
/// fetch → <see cref="PaperIntake"/> (the store decides new / updated / unchanged; only NEW, alert-eligible papers
/// meet the matcher and reach the outbox) → the source's <see cref="SourceState"/>.
/// Who gets alerted: a scheduled or plain poll alerts once the source has a baseline (its first successful poll
/// alerts nobody); backfills and imports alert only with <c>notify</c>, which also overrides the baseline rule.
/// One source failing never stops the others: each failure is recorded in its <see cref="SourceState"/>.
/// </summary>
public sealed class IngestionService(
    IEnumerable<IPaperSource> sources,
    PaperIntake intake,
    ISourceStateStore states,
    TimeProvider time,
    ILogger<IngestionService> logger)
{
    private readonly IReadOnlyList<IPaperSource> _sources = sources.ToArray();

    /// <summary>The enabled sources, in the order they run.</summary>
    public IReadOnlyList<string> SourceNames => _sources.Select(s => s.Name).ToArray();

    /// <summary>Runs every enabled source, or only <paramref name="source"/> when given.</summary>
    public async Task<IngestionReport> RunAsync(string? source, FetchRequest request, bool notify, CancellationToken cancellationToken)
    {
        var selected = source is null
            ? _sources
            : _sources.Where(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (selected.Count == 0 && source is not null)
        {
            var known = _sources.Count == 0 ? "none" : string.Join(", ", SourceNames);
            return new IngestionReport([new SourceRunReport(source) { Error = $"No enabled source named '{source}' (enabled: {known})." }]);
        }

        var reports = new List<SourceRunReport>(selected.Count);
        foreach (var s in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                reports.Add(await RunOneAsync(s, request, notify, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Even the state store failing for one source must not stop the others.
                IngestionLog.Crashed(logger, s.Name, e);
                reports.Add(new SourceRunReport(s.Name) { Error = $"{e.GetType().Name}: {e.Message}" });
            }
        }
        return new IngestionReport(reports);
    }

    private async Task<SourceRunReport> RunOneAsync(IPaperSource source, FetchRequest request, bool notify, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var state = states.Get(source.Name);
        var validators = new CacheValidators(state.ETags, state.LastModified);
        SourceRunReport report;
        SourceFetchResult? fetched = null;
        try
        {
            fetched = await source.FetchAsync(request with { Validators = validators }, ct).ConfigureAwait(false);
            var alert = notify || (!request.IsBackfill && state.BaselineRecorded);
            report = fetched.IsFailure
                ? new SourceRunReport(source.Name) { Error = fetched.Error, RejectedEntries = fetched.Rejected }
                : Store(source.Name, fetched.Papers, fetched.Rejected, alert) with
                {
                    Baseline = !state.BaselineRecorded && !alert && fetched.Skipped is null,
                    NotModified = fetched.NotModified,
                    NoAnnouncement = fetched.NoAnnouncement,
                    Skipped = fetched.Skipped,
                };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug in one source (or the store) must not stop the others; it is reported like any failure.
            IngestionLog.Crashed(logger, source.Name, e);
            report = new SourceRunReport(source.Name) { Error = $"{e.GetType().Name}: {e.Message}" };
        }

        report = report with { Duration = time.GetElapsedTime(started) };
        var newState = Advance(state, report, fetched, validators);
        states.Put(newState);
        CoreMetrics.Ingested(source.Name, report.New, report.Duration, report.Error is not null);
        LogOutcome(report, newState.ConsecutiveFailures);
        return report;
    }

    private SourceRunReport Store(string source, IReadOnlyList<FetchedPaper> items, IReadOnlyList<RejectedEntry> rejected, bool alert)
    {
        var result = intake.Accept(items, source, alert);
        return new SourceRunReport(source)
        {
            New = result.New,
            Updated = result.Updated,
            Unchanged = result.Unchanged,
            RejectedEntries = rejected,
            Alerts = result.AlertsQueued,
        };
    }

    private SourceState Advance(SourceState state, SourceRunReport report, SourceFetchResult? fetched, CacheValidators validators)
    {
        var now = time.GetUtcNow();
        var remembered = fetched is { IsFailure: false } ? validators.With(fetched.Validators) : validators;
        var common = state with
        {
            LastRunAt = now,
            ETags = remembered.ETags,
            LastModified = remembered.LastModified,
        };
        return report.Succeeded
            ? common with
            {
                LastSuccessAt = now,
                ConsecutiveFailures = 0,
                FailingSince = null,
                ItemsSeen = state.ItemsSeen + report.New + report.Updated + report.Unchanged,
                // A skipped run (a feed asked to backfill) fetched nothing, so it is no baseline.
                BaselineRecorded = state.BaselineRecorded || fetched?.Skipped is null,
            }
            : common with
            {
                LastErrorAt = now,
                LastError = report.Error,
                ConsecutiveFailures = state.ConsecutiveFailures + 1,
                FailingSince = state.FailingSince ?? now,
            };
    }

    private void LogOutcome(SourceRunReport r, int consecutiveFailures = 0)
    {
        var ms = (long)r.Duration.TotalMilliseconds;
        foreach (var rejected in r.RejectedEntries) IngestionLog.Rejected(logger, r.Source, rejected.ToString());
        if (r.Error is not null) IngestionLog.Failed(logger, r.Source, consecutiveFailures, ms, r.Error);
        else if (r.Skipped is not null) IngestionLog.Skipped(logger, r.Source, r.Skipped);
        else if (r.NotModified) IngestionLog.NotModified(logger, r.Source, ms);
        else if (r.NoAnnouncement) IngestionLog.NoAnnouncement(logger, r.Source);
        else if (r.Baseline) IngestionLog.BaselineRecorded(logger, r.Source, r.New);
        else IngestionLog.Ingested(logger, r.Source, r.New, r.Updated, r.Unchanged, r.Rejected, r.Alerts, ms);
    }
}
