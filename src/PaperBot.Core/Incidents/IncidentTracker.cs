using Microsoft.Extensions.Logging;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Incidents;

/// <summary>
/// Compares what is wrong now (source states, paused subscriptions) with the stored incidents: opens those that began,
/// removes those that are over. Only enabled sources count: a source switched off while failing is not an incident.
/// </summary>
public sealed partial class IncidentTracker(IEnumerable<IPaperSource> sources, ISourceStateStore states, ISubscriptionStore subscriptions,
    IIncidentStore incidents, OperationsOptions options, TimeProvider time, ILogger<IncidentTracker> log)
{
    private readonly IReadOnlyList<string> _sources = [.. sources.Select(s => s.Name)];

    /// <summary>The open incidents, oldest first, after opening and ending what changed.</summary>
    public IReadOnlyList<Incident> Refresh()
    {
        var now = time.GetUtcNow();
        var current = Current(subscriptions.Paused(), now).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var stored = incidents.Open().ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var ended in stored.Values.Where(i => !current.ContainsKey(i.Id)))
        {
            incidents.Remove(ended.Id);
            Ended(ended.Id, ended.Kind, now - ended.Since);
        }
        foreach (var begun in current.Values.Where(i => !stored.ContainsKey(i.Id)))
        {
            incidents.Add(begun);
            Opened(begun.Id, begun.Kind);
        }
        // A stored incident keeps the time it was first seen.
        return [.. current.Values.Select(i => stored.GetValueOrDefault(i.Id) ?? i).OrderBy(i => i.Since).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    private IEnumerable<Incident> Current(IReadOnlyList<Subscription> paused, DateTimeOffset now)
    {
        foreach (var source in _sources)
        {
            var state = states.Get(source);
            if (state is { ConsecutiveFailures: > 0, FailingSince: { } since } && now - since >= options.SourceAlertAfter)
                yield return Incident.SourceFailing(source, since, state.LastError);
        }
        // Every subscription of a target pauses together, with one reason: one incident per target and reason.
        foreach (var target in paused.GroupBy(s => (s.Subscriber.TargetKey, s.PausedReason!)))
            yield return Incident.TargetPaused(target.Key.TargetKey, target.Key.Item2, now);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Incident {IncidentId} opened ({Kind})")]
    private partial void Opened(string incidentId, IncidentKind kind);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Incident {IncidentId} ({Kind}) is over after {Duration}")]
    private partial void Ended(string incidentId, IncidentKind kind, TimeSpan duration);
}
