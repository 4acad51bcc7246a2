using System.Diagnostics.Metrics;

namespace PaperBot.Discord;

/// <summary>The <c>PaperBot.Discord</c> meter: REST requests by route and status, 429s by scope, invalid requests
/// (Discord bans an IP for a while after 10,000 in 10 minutes), messages delivered, interactions handled with the time
/// to their first response, refused interaction requests, and the gateway's state and heartbeat round trip.</summary>
public sealed class DiscordMetrics
{
    public const string MeterName = "PaperBot.Discord";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _invalid;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _interactions;
    private readonly Histogram<double> _interactionDuration;
    private readonly Counter<long> _refused;

    public DiscordMetrics(IMeterFactory meters, DiscordStatus status)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("requests", description: "Discord REST requests answered, by route template and status");
        _rateLimited = meter.CreateCounter<long>("rate_limited", description: "429 answers, by scope (user, global, shared)");
        _invalid = meter.CreateCounter<long>("invalid_requests", description: "401, 403 and non-shared 429 answers");
        _messages = meter.CreateCounter<long>("messages_delivered", description: "Alert and digest messages posted");
        _interactions = meter.CreateCounter<long>("interactions",
            description: "Interactions handled, by type, command and outcome (answered at once or deferred)");
        _interactionDuration = meter.CreateHistogram<double>("interaction_duration_seconds", "s",
            "From an interaction's arrival to its first response, by type");
        _refused = meter.CreateCounter<long>("interactions_refused",
            description: "Requests to the interactions endpoint refused, by reason (bad or missing signature, replay, size, body)");
        meter.CreateObservableGauge("connected",
            () => status.Snapshot().Connection is DiscordConnection.Connected or DiscordConnection.HttpEndpoint ? 1 : 0,
            description: "1 while interactions can arrive (gateway connected, or the HTTP endpoint), else 0");
        meter.CreateObservableGauge("gateway_heartbeat_latency_seconds",
            () => status.Snapshot().HeartbeatLatency is { } latency ? [new Measurement<double>(latency.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s", "The last gateway heartbeat's round trip");
    }

    public void Request(string route, int status) => _requests.Add(1, new("route", route), new("status", status));

    public void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    public void InvalidRequest() => _invalid.Add(1);

    public void MessageDelivered() => _messages.Add(1);

    public void InteractionHandled(string type, string command, bool deferred, TimeSpan elapsed)
    {
        _interactions.Add(1, new("type", type), new("command", command), new("outcome", deferred ? "deferred" : "answered"));
        _interactionDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("type", type));
    }

    public void InteractionRefused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
