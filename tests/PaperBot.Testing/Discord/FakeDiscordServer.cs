using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PaperBot.Testing.Discord;

/// <summary>
/// A fake of Discord's REST API on a free loopback port (Kestrel), written from Discord's docs: the routes PaperBot
/// uses with realistic bodies, bot-token and User-Agent checks, per-channel buckets and a global limit with the
/// <c>X-RateLimit-*</c> headers, the documented message limits (50035 with field errors), nonce de-duplication with
/// <c>enforce_nonce</c>, and scripted faults: 429 of each scope, 5xx, and Discord's error codes.
/// The Gateway WebSocket lives in <c>FakeDiscordServer.Gateway.cs</c> (a partial of this class) and hooks in
/// through <see cref="MapGateway"/>.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    public const string Token = "fake-bot-token";
    public const string ApplicationId = "100000000000000001";
    public const string MessageBucket = "80c17d2f203122d936070c88c8d10f33";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly FakeRateLimits _limits;
    private readonly Lock _lock = new();
    private readonly List<FakeMessage> _messages = [];
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentQueue<FakeInteractionCall> _interactionCalls = new();
    private readonly ConcurrentQueue<FakeCommandPut> _commandPuts = new();
    private readonly Dictionary<string, FakeDiscordFault> _channelFaults = new(StringComparer.Ordinal);
    private readonly List<(Regex Route, FakeDiscordFault Fault, int Skip, int Left)> _scripted = [];
    private readonly Dictionary<string, string> _dmChannels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedDms = new(StringComparer.Ordinal);
    private long _nextId = 1_300_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app, TimeProvider time, FakeRateLimits limits)
    {
        _app = app;
        _time = time;
        _limits = limits;
        BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    /// <summary>The server's root; <see cref="ApiBaseUrl"/> is what <c>Discord:ApiBaseUrl</c> points at.</summary>
    public Uri BaseUri { get; }

    public string ApiBaseUrl => new Uri(BaseUri, "api/v10").ToString();

    /// <summary>How long a nonce sent with <c>enforce_nonce</c> returns the first message (Discord: "a few minutes").</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests per second across the bot routes (Discord: 50).</summary>
    public int GlobalPerSecond { get => _limits.GlobalPerSecond; set => _limits.GlobalPerSecond = value; }

    /// <summary>Messages per channel per <see cref="ChannelBucketPeriod"/>.</summary>
    public int ChannelBucketLimit { get => _limits.BucketLimit; set => _limits.BucketLimit = value; }

    public TimeSpan ChannelBucketPeriod { get => _limits.BucketPeriod; set => _limits.BucketPeriod = value; }

    public IReadOnlyList<FakeMessage> Messages
    {
        get { lock (_lock) return [.. _messages]; }
    }

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public IReadOnlyList<FakeInteractionCall> InteractionCalls => [.. _interactionCalls];

    public IReadOnlyList<FakeCommandPut> CommandPuts => [.. _commandPuts];

    /// <summary>429s the fake sent because a limit was really exceeded (not scripted).</summary>
    public int Unexpected429s => _requests.Count(r => r.Status == 429 && !r.Injected);

    public int Injected429s => _requests.Count(r => r.Status == 429 && r.Injected);

    public IReadOnlyList<FakeMessage> MessagesIn(string channelId) => [.. Messages.Where(m => m.ChannelId == channelId)];

    public string? DmChannelOf(string userId)
    {
        lock (_lock) return _dmChannels.GetValueOrDefault(userId);
    }

    public static async Task<FakeDiscordServer> StartAsync(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeDiscordServer? server = null;
        MapGateway(app, () => server!);
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        server = new FakeDiscordServer(app, clock, new FakeRateLimits(clock));
        return server;
    }

    /// <summary>Where the Gateway part maps its WebSocket endpoint (before the REST catch-all); empty until it exists.</summary>
    static partial void MapGateway(WebApplication app, Func<FakeDiscordServer> server);

    /// <summary>The next <paramref name="times"/> requests whose "METHOD /path" (below /api/v10) matches
    /// <paramref name="routePattern"/> get <paramref name="fault"/> instead of their answer, after <paramref name="after"/>
    /// matching requests were answered normally.</summary>
    public void Inject(string routePattern, FakeDiscordFault fault, int times = 1, int after = 0)
    {
        lock (_lock) _scripted.Add((new Regex(routePattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), fault, after, times));
    }

    /// <summary>Every message to this channel gets <paramref name="fault"/> (unknown channel, missing access …).</summary>
    public void BreakChannel(string channelId, FakeDiscordFault fault)
    {
        lock (_lock) _channelFaults[channelId] = fault;
    }

    /// <summary>The channel's owner fixed it: messages to it are accepted again.</summary>
    public void RepairChannel(string channelId)
    {
        lock (_lock) _channelFaults.Remove(channelId);
    }

    /// <summary>The user accepts no DMs from the bot: messages to their DM channel get 50007.</summary>
    public void CloseDms(string userId)
    {
        lock (_lock) _closedDms.Add(userId);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var route = $"{context.Request.Method} {(path.StartsWith("/api/v10/", StringComparison.Ordinal) ? path["/api/v10".Length..] : path)}";
        var reply = await AnswerAsync(context, route).ConfigureAwait(false);
        _requests.Enqueue(new FakeRequest(context.Request.Method, route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..], reply.Status, reply.Injected,
            _time.GetUtcNow(), context.Request.Headers.Authorization.ToString(), context.Request.Headers.UserAgent.ToString()));
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        if (reply.Body is null) return;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Reply(int Status, JsonNode? Body, Dictionary<string, string> Headers, bool Injected = false)
    {
        public static Reply Json(JsonNode body, int status = 200) => new(status, body, []);

        public static Reply Error(int status, int code, string message) => new(status, new JsonObject { ["message"] = message, ["code"] = code }, []);
    }

    private async Task<Reply> AnswerAsync(HttpContext context, string route)
    {
        var isInteraction = route.StartsWith("POST /interactions/", StringComparison.Ordinal) || route.Contains(" /webhooks/", StringComparison.Ordinal);
        if (!isInteraction && context.Request.Headers.Authorization.ToString() != "Bot " + Token)
            return Reply.Error(401, 0, "401: Unauthorized");
        if (!context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
            return Reply.Error(400, 0, "Bad User-Agent: expected DiscordBot ($url, $versionNumber)");
        if (Scripted(route) is { } fault)
            return new Reply(fault.Status, fault.Body.DeepClone(), new Dictionary<string, string>(fault.Headers), Injected: true);
        TimeSpan? wait = null;
        if (!isInteraction)
        {
            lock (_lock) wait = _limits.TakeGlobal();
        }
        if (wait is { } globalWait)
        {
            var limited = FakeDiscordFault.RateLimit("global", globalWait);
            return new Reply(429, limited.Body, new Dictionary<string, string>(limited.Headers));
        }

        JsonNode? json = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            if (!(context.Request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal))
                return Reply.Error(400, 50035, "Invalid Form Body");
            try
            {
                json = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return Reply.Error(400, 50109, "The request body contains invalid JSON.");
            }
        }
        var body = json as JsonObject;
        var parts = route.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return parts switch
        {
            ["POST", "channels", var channel, "messages"] => CreateMessage(channel, body),
            ["POST", "users", "@me", "channels"] => CreateDm(body),
            ["GET", "gateway", "bot"] => Reply.Json(new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = 1,
                ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 14_400_000, ["max_concurrency"] = 1 },
            }),
            ["PUT", "applications", ApplicationId, "commands"] => PutCommands(null, json as JsonArray),
            ["PUT", "applications", ApplicationId, "guilds", var guild, "commands"] => PutCommands(guild, json as JsonArray),
            ["POST", "interactions", var id, var token, "callback"] => Callback(id, token, body),
            ["PATCH", "webhooks", ApplicationId, var token, "messages", "@original"] => Webhook("edit-original", token, body, wait: true),
            ["POST", "webhooks", ApplicationId, var token] => Webhook("followup", token, body, context.Request.Query["wait"] == "true"),
            _ => Reply.Error(404, 0, "404: Not Found"),
        };
    }

    private FakeDiscordFault? Scripted(string route)
    {
        lock (_lock)
        {
            var i = _scripted.FindIndex(s => s.Left > 0 && s.Route.IsMatch(route));
            if (i < 0) return null;
            var s = _scripted[i];
            _scripted[i] = s.Skip > 0 ? s with { Skip = s.Skip - 1 } : s with { Left = s.Left - 1 };
            return s.Skip > 0 ? null : s.Fault;
        }
    }

    private Reply CreateMessage(string channelId, JsonObject? body)
    {
        if (body is null) return Reply.Error(400, 50006, "Cannot send an empty message");
        if (FakeMessageRules.Check(body, requireContentOrEmbeds: true) is { } errors)
            return Reply.Json(new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = errors }, 400);
        lock (_lock)
        {
            var (allowed, remaining, resetAfter) = _limits.TakeBucket("channel:" + channelId);
            var headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = _limits.BucketLimit.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset-After"] = (Math.Ceiling(resetAfter.TotalMilliseconds) / 1000).ToString("0.000", CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset"] = ((_time.GetUtcNow() + resetAfter).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
                ["X-RateLimit-Bucket"] = MessageBucket,
            };
            if (!allowed)
            {
                var limited = FakeDiscordFault.RateLimit("user", resetAfter);
                foreach (var (k, v) in limited.Headers) headers[k] = v;
                return new Reply(429, limited.Body, headers);
            }
            if (_channelFaults.TryGetValue(channelId, out var fault)) return new Reply(fault.Status, fault.Body.DeepClone(), headers);
            if (_dmChannels.FirstOrDefault(d => d.Value == channelId).Key is { } user && _closedDms.Contains(user))
                return new Reply(403, FakeDiscordFault.CannotMessageUser().Body, headers);

            var nonce = body["nonce"]?.GetValue<string>();
            var now = _time.GetUtcNow();
            if (nonce is not null && body["enforce_nonce"]?.GetValue<bool>() == true
                && _messages.LastOrDefault(m => m.ChannelId == channelId && m.Nonce == nonce && now - m.At < NonceWindow) is { } first)
                return new Reply(200, Render(first), headers);
            var message = new FakeMessage(NextId(), channelId, body["content"]?.GetValue<string>(), body["embeds"]?.DeepClone() as JsonArray ?? [], nonce, body, now);
            _messages.Add(message);
            return new Reply(200, Render(message), headers);
        }
    }

    private static JsonObject Render(FakeMessage m) => new()
    {
        ["id"] = m.Id,
        ["channel_id"] = m.ChannelId,
        ["type"] = 0,
        ["content"] = m.Content ?? "",
        ["embeds"] = m.Embeds.DeepClone(),
        ["nonce"] = m.Nonce,
        ["timestamp"] = m.At.ToString("o", CultureInfo.InvariantCulture),
        ["author"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "PaperBot", ["bot"] = true },
    };

    private Reply CreateDm(JsonObject? body)
    {
        if (body?["recipient_id"]?.GetValue<string>() is not { Length: > 0 } user)
            return Reply.Json(new JsonObject
            {
                ["message"] = "Invalid Form Body", ["code"] = 50035,
                ["errors"] = new JsonObject { ["recipient_id"] = new JsonObject { ["_errors"] = new JsonArray(new JsonObject { ["code"] = "BASE_TYPE_REQUIRED", ["message"] = "This field is required" }) } },
            }, 400);
        lock (_lock)
        {
            if (!_dmChannels.TryGetValue(user, out var channel)) _dmChannels[user] = channel = NextId();
            return Reply.Json(new JsonObject { ["id"] = channel, ["type"] = 1, ["recipients"] = new JsonArray(new JsonObject { ["id"] = user }) });
        }
    }

    private Reply PutCommands(string? guild, JsonArray? commands)
    {
        if (commands is null) return Reply.Error(400, 50035, "Invalid Form Body");
        _commandPuts.Enqueue(new FakeCommandPut(guild, (JsonArray)commands.DeepClone()));
        var answer = new JsonArray();
        foreach (var c in commands.OfType<JsonObject>())
        {
            var copy = (JsonObject)c.DeepClone();
            copy["id"] = NextId();
            copy["application_id"] = ApplicationId;
            copy["version"] = NextId();
            if (guild is not null) copy["guild_id"] = guild;
            answer.Add(copy);
        }
        return Reply.Json(answer);
    }

    private Reply Callback(string id, string token, JsonObject? body)
    {
        if (body?["type"] is null) return Reply.Error(400, 50035, "Invalid Form Body");
        _interactionCalls.Enqueue(new FakeInteractionCall("callback", id, token, body));
        return new Reply(204, null, []);
    }

    private Reply Webhook(string kind, string token, JsonObject? body, bool wait)
    {
        if (body is null) return Reply.Error(400, 50006, "Cannot send an empty message");
        if (FakeMessageRules.Check(body, requireContentOrEmbeds: false) is { } errors)
            return Reply.Json(new JsonObject { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = errors }, 400);
        _interactionCalls.Enqueue(new FakeInteractionCall(kind, ApplicationId, token, body));
        if (!wait) return new Reply(204, null, []);
        var message = new FakeMessage(NextId(), "0", body["content"]?.GetValue<string>(), body["embeds"]?.DeepClone() as JsonArray ?? [], null, body, _time.GetUtcNow());
        return Reply.Json(Render(message));
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
