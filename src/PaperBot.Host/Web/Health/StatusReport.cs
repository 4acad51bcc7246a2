using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Incidents;
using PaperBot.Core.Storage;
using PaperBot.Host.Composition;
using PaperBot.Storage;

namespace PaperBot.Host.Web.Health;

/// <summary>
/// <c>/status</c>: everything /healthz says, with the details it must not show publicly: each source's last error
/// text, each paused subscription with its target and reason, the open incidents and how many owners were told, the
/// database path and the outbox counts. For the operator only: served on loopback (and on the admin route).
/// </summary>
public sealed class StatusReport(HealthCheckService health, PaperBotSettings settings, ISourceStateStore states,
    ISubscriptionStore subscriptions, IIncidentStore incidents, OutboxCounts outbox, LiteDbContext database, TimeProvider time, IServiceProvider services)
{
    public sealed record SourceDetail(string Source, string Schedule, string TimeZone, SourceState State, bool Stale);

    public sealed record PausedDetail(string Id, string Target, string Query, string Reason);

    public sealed record IncidentDetail(string Id, IncidentKind Kind, string Subject, DateTimeOffset Since, string Detail, int Notices);

    public async Task<(Dictionary<string, object?> Document, HealthStatus Status)> BuildAsync(CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        var now = time.GetUtcNow();
        var document = HealthJson.Document(report, detailed: true, HealthJson.IsStarting(services));
        document["generatedAt"] = now;
        document["database"] = new { path = database.Path };
        document["sources"] = settings.Sources.Schedules().Select(s =>
        {
            var state = states.Get(s.Source) with { ETags = new Dictionary<string, string>(), LastModified = new Dictionary<string, string>() };
            return new SourceDetail(s.Source, s.Cron, s.TimeZone, state, SourceHealthRules.IsStale(state, s.Cron, s.TimeZone, now));
        }).ToList();
        document["pausedSubscriptions"] = subscriptions.Paused()
            .Select(s => new PausedDetail(s.Id, s.Subscriber.ToString(), s.Query, s.PausedReason!)).ToList();
        document["incidents"] = incidents.Open().OrderBy(i => i.Since)
            .Select(i => new IncidentDetail(i.Id, i.Kind, i.Subject, i.Since, i.Detail, incidents.CountNotices(i.Id))).ToList();
        document["outbox"] = outbox.Open().ToDictionary(kv => kv.Key.ToString().ToLowerInvariant(), kv => kv.Value);
        return (document, report.Status);
    }
}
