using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Email.Health;

/// <summary>
/// The "email" health check. Degraded while sends fail transiently (mail waits in the outbox, nothing is lost); never
/// unhealthy, since restarting PaperBot does not fix a mail server. Data holds public facts only: no server address,
/// no account, no SMTP reply text.
/// </summary>
public sealed class EmailHealthCheck(EmailHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = health.Snapshot();
        var data = new Dictionary<string, object>
        {
            ["transport"] = health.Transport,
            ["sent"] = s.Sent,
            ["failed"] = s.Failed,
            ["consecutive_failures"] = s.ConsecutiveFailures,
            ["queued_failures"] = s.AwaitingRetry,
        };
        if (s.LastOutcome is { } last) data["last_outcome"] = last;
        if (s.LastOutcomeAt is { } at) data["last_outcome_at"] = at.ToString("o", CultureInfo.InvariantCulture);
        if (s.LastSuccessAt is { } ok) data["last_success_at"] = ok.ToString("o", CultureInfo.InvariantCulture);

        var result = health.Transport == "off"
            ? HealthCheckResult.Healthy("email is off (Email:From is empty)", data)
            : s.ConsecutiveFailures > 0
                ? HealthCheckResult.Degraded($"the last {s.ConsecutiveFailures} send(s) failed and will be retried", data: data)
                : HealthCheckResult.Healthy(s.LastOutcome is null ? $"ready ({health.Transport}); nothing sent yet" : $"sending ({health.Transport})", data);
        return Task.FromResult(result);
    }
}
