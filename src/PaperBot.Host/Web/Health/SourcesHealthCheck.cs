using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Storage;
using PaperBot.Host.Composition;

namespace PaperBot.Host.Web.Health;

/// <summary>Every enabled source: last success, last error kind, failures in a row, stale. Degraded when one is stale.</summary>
public sealed class SourcesHealthCheck(PaperBotSettings settings, ISourceStateStore states, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext _, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var sources = settings.Sources.Schedules()
            .Select(s => SourceHealthRules.Describe(states.Get(s.Source), s.Cron, s.TimeZone, now))
            .ToList();
        var stale = sources.Where(s => s.Stale).Select(s => s.Source).ToList();
        var data = new Dictionary<string, object> { ["sources"] = sources };
        return Task.FromResult(stale.Count == 0
            ? HealthCheckResult.Healthy("every source polled within two schedule periods", data)
            : HealthCheckResult.Degraded($"no success in two schedule periods: {string.Join(", ", stale)}", data: data));
    }
}
