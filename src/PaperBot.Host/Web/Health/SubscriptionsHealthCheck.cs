using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Web.Health;

/// <summary>Paused subscriptions, counted per reason. A pause is one subscriber's problem, not the service's, so it
/// is reported without lowering the status; the reasons are summarised without addresses or SMTP texts.</summary>
public sealed partial class SubscriptionsHealthCheck(ISubscriptionStore subscriptions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext _, CancellationToken cancellationToken = default)
    {
        var paused = subscriptions.Paused();
        var reasons = paused
            .GroupBy(s => Summary(s.Subscriber.Kind, s.PausedReason!), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Task.FromResult(HealthCheckResult.Healthy($"{paused.Count} paused", new Dictionary<string, object>
        {
            ["active"] = subscriptions.CountActive(), ["paused"] = paused.Count, ["pausedReasons"] = reasons,
        }));
    }

    /// <summary>"discordChannel: Unknown Channel (10003)" keeps Discord's public error name and code; anything else
    /// (an SMTP reply may quote the address) becomes its subscriber kind and "rejected permanently".</summary>
    public static string Summary(SubscriberKind kind, string reason)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
        return DiscordError().Match(reason) is { Success: true } m ? $"{name}: {m.Value}" : $"{name}: rejected permanently";
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z ]{2,60} \(\d{5,6}\)$")]
    private static partial Regex DiscordError();
}
