using System.Diagnostics.Metrics;

namespace PaperBot.Discord;

/// <summary>The <c>PaperBot.Discord</c> meter: REST requests by route and status, 429s by scope, invalid requests
/// (Discord bans an IP for a while after 10,000 in 10 minutes), and messages delivered.</summary>
public sealed class DiscordMetrics
{
    public const string MeterName = "PaperBot.Discord";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _invalid;
    private readonly Counter<long> _messages;

    public DiscordMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("paperbot.discord.requests", description: "Discord REST requests answered, by route template and status");
        _rateLimited = meter.CreateCounter<long>("paperbot.discord.rate_limited", description: "429 answers, by scope (user, global, shared)");
        _invalid = meter.CreateCounter<long>("paperbot.discord.invalid_requests", description: "401, 403 and non-shared 429 answers");
        _messages = meter.CreateCounter<long>("paperbot.discord.messages_delivered", description: "Alert and digest messages posted");
    }

    public void Request(string route, int status) => _requests.Add(1, new("route", route), new("status", status));

    public void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));

    public void InvalidRequest() => _invalid.Add(1);

    public void MessageDelivered() => _messages.Add(1);
}
