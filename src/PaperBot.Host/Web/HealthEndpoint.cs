using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Storage;
using PaperBot.Host.Runtime;
using Quartz;

namespace PaperBot.Host.Web;

/// <summary><c>GET /healthz</c>: the database, the scheduler and each source's last success and last error.
/// 200 while the service can do its job, 503 when it cannot (database or scheduler down).</summary>
public static class HealthEndpoint
{
    public sealed record SourceHealth(string Source, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastError, int ConsecutiveFailures);

    public sealed record Health(string Status, bool Database, bool Scheduler, IReadOnlyList<SourceHealth> Sources, IReadOnlyList<string> PausedSubscriptions);

    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", async (IPaperStore papers, ISourceStateStore sources,
        ISubscriptionStore subscriptions, ISchedulerFactory schedulers, ServiceReadiness readiness, CancellationToken ct) =>
    {
        var database = Try(() => papers.Count() >= 0);
        var scheduler = false;
        foreach (var s in await schedulers.GetAllSchedulers(ct))
            scheduler |= await s.GetStatus(ct) == SchedulerStatus.Running;
        var states = database ? sources.All().Select(s => new SourceHealth(s.Source, s.LastSuccessAt, s.LastErrorAt, s.LastError, s.ConsecutiveFailures)).ToList() : [];
        var paused = database ? subscriptions.All().Where(s => s.PausedReason is not null).Select(s => $"{s.Id}: {s.PausedReason}").ToList() : [];
        // Starting: listening (healthy for the container) while the index catches up; the schedules start after it.
        var status = readiness.State == ServiceState.Starting && database ? "starting"
            : !database || !scheduler ? "unhealthy" : states.Any(s => s.ConsecutiveFailures > 0) || paused.Count > 0 ? "degraded" : "healthy";
        return Results.Json(new Health(status, database, scheduler, states, paused), Cli.Output.Json.Options,
            statusCode: status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    });

    private static bool Try(Func<bool> probe)
    {
        try
        {
            return probe();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
