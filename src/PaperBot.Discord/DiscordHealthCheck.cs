using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Discord;

/// <summary>
/// <c>discord</c> in /healthz: degraded when the Discord part stopped for good (bad token, fatal close code), while
/// the gateway reconnects, or while a target is suspended; healthy otherwise (and when Discord is off). Never
/// unhealthy: a restart cannot fix a rejected token, and email, the pages and ingestion still work, so the container's
/// health check must not turn it into a restart loop.
/// </summary>
public sealed class DiscordHealthCheck(DiscordStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = status.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["connection"] = s.Connection.ToString(),
            ["suspended_targets"] = s.SuspendedTargets.Count,
        };
        if (s.ConnectionDetail is { } detail) data["connection_detail"] = detail;
        if (s.HeartbeatLatency is { } latency) data["heartbeat_latency_ms"] = Math.Round(latency.TotalMilliseconds, 1);
        if (s.ConnectionChangedAt is { } changed) data["connection_changed_at"] = changed;
        if (s.LastRestSuccessAt is { } ok) data["last_rest_success_at"] = ok;
        if (s.LastRestFailureAt is { } failedAt) data["last_rest_failure_at"] = failedAt;
        if (s.LastRestFailure is { } failure) data["last_rest_failure"] = failure;
        foreach (var (target, reason) in s.SuspendedTargets) data["suspended:" + target] = reason;

        var result = s.Connection switch
        {
            DiscordConnection.Stopped => HealthCheckResult.Degraded("Discord stopped: " + (s.ConnectionDetail ?? "see the log"), data: data),
            DiscordConnection.Connecting or DiscordConnection.Resuming => HealthCheckResult.Degraded("Discord gateway is reconnecting", data: data),
            _ when s.SuspendedTargets.Count > 0 => HealthCheckResult.Degraded($"{s.SuspendedTargets.Count} Discord target(s) refuse messages", data: data),
            DiscordConnection.Disabled => HealthCheckResult.Healthy("Discord is off (no Discord:Token)", data),
            _ => HealthCheckResult.Healthy("Discord is reachable", data),
        };
        return Task.FromResult(result);
    }
}
