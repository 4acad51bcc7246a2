using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace PaperBot.Host.Web.Health;

/// <summary>The Quartz scheduler runs, and when each trigger fires next.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext _, CancellationToken cancellationToken = default)
    {
        var running = false;
        var next = new SortedDictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var scheduler in await schedulers.GetAllSchedulers(cancellationToken))
        {
            running |= await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;
            foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken))
            {
                if (await scheduler.GetTrigger(key, cancellationToken) is { } trigger && trigger.NextFireTimeUtc is { } at)
                    next[key.Name] = at;
            }
        }
        var data = new Dictionary<string, object> { ["running"] = running, ["nextFireTimes"] = next };
        return running
            ? HealthCheckResult.Healthy("running", data)
            : HealthCheckResult.Unhealthy("the scheduler is not running: nothing is polled or delivered", data: data);
    }
}
