using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Host.Runtime;
using Quartz;

namespace PaperBot.Host.Web.Health;

/// <summary>The Quartz scheduler runs, and when each trigger fires next.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IServiceProvider services) : IHealthCheck
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
        // The schedules start once the search index has caught up: not running yet is part of starting, not a fault.
        var starting = services.GetService<ServiceReadiness>()?.State == ServiceState.Starting;
        return running || starting
            ? HealthCheckResult.Healthy(running ? "running" : "starting", data)
            : HealthCheckResult.Unhealthy("the scheduler is not running: nothing is polled or delivered", data: data);
    }
}
