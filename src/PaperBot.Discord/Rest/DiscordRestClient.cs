using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Rest.Models;
using PaperBot.Discord.Rest.RateLimiting;

namespace PaperBot.Discord.Rest;

/// <summary>
/// The typed HttpClient for Discord's REST API. Every call waits its turn in the <see cref="RateLimiter"/>, waits out
/// 429s and retries them (nothing is dropped), and maps the answer to a <see cref="DiscordResult{T}"/>.
/// Logs name routes by template (<see cref="DiscordRoute.Display"/>): no bot token, no interaction token.
/// </summary>
internal sealed partial class DiscordRestClient(HttpClient http, RateLimiter limiter, DiscordOptions options, DiscordStatus status,
    DiscordMetrics metrics, TimeProvider time, ILogger<DiscordRestClient> log) : IDiscordRestClient
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public Task<DiscordResult<Message>> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken ct) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), Body(message, Json.MessageCreate), Json.Message, ct);

    public Task<DiscordResult<Channel>> CreateDmAsync(string userId, CancellationToken ct) =>
        SendAsync(DiscordRoute.CreateDm(), Body(new DmCreate(userId), Json.DmCreate), Json.Channel, ct);

    public Task<DiscordResult<GatewayBot>> GetGatewayBotAsync(CancellationToken ct) =>
        SendAsync(DiscordRoute.GatewayBot(), null, Json.GatewayBot, ct);

    public Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGlobalCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(DiscordRoute.GlobalCommands(options.ApplicationId), Body(commands, Json.IReadOnlyListApplicationCommand), Json.IReadOnlyListApplicationCommand, ct);

    public Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGuildCommandsAsync(string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(DiscordRoute.GuildCommands(options.ApplicationId, guildId), Body(commands, Json.IReadOnlyListApplicationCommand), Json.IReadOnlyListApplicationCommand, ct);

    public Task<DiscordResult<NoContent>> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct) =>
        SendAsync<NoContent>(DiscordRoute.Callback(interactionId, interactionToken), Body(response, Json.InteractionResponse), null, ct);

    public Task<DiscordResult<Message>> EditOriginalResponseAsync(string interactionToken, InteractionResponseData data, CancellationToken ct) =>
        SendAsync(DiscordRoute.EditOriginal(options.ApplicationId, interactionToken), Body(data, Json.InteractionResponseData), Json.Message, ct);

    public Task<DiscordResult<Message>> CreateFollowupAsync(string interactionToken, InteractionResponseData data, CancellationToken ct) =>
        SendAsync(DiscordRoute.Followup(options.ApplicationId, interactionToken), Body(data, Json.InteractionResponseData), Json.Message, ct);

    private static byte[] Body<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private async Task<DiscordResult<T>> SendAsync<T>(DiscordRoute route, byte[]? body, JsonTypeInfo<T>? answer, CancellationToken ct)
    {
        while (true)
        {
            if (limiter.TokenRejected) return new DiscordError.Unauthorized(401, 0, "the bot token was rejected earlier; fix Discord:Token and restart");
            if (limiter.Suspended(route) is { } refused) return new DiscordError.TargetSuspended(refused);

            var bucket = limiter.BucketFor(route);
            await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                var turn = await limiter.WaitTurnAsync(bucket, route, ct).ConfigureAwait(false);
                if (turn.TooLong is { } tooLong)
                    return Failed(route, new DiscordError.Transient(429, $"rate limited for {tooLong.TotalSeconds:0.#} s more", tooLong));
                try
                {
                    response = await SendOnceAsync(route, body, ct).ConfigureAwait(false);
                }
                finally
                {
                    limiter.Finish(turn);
                }
                limiter.Learn(route, bucket, RateLimitHeaders.Read(response.Headers));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return Failed(route, new DiscordError.Transient(0, e is TaskCanceledException ? "timed out" : "connection failed: " + e.Message));
            }
            finally
            {
                bucket.Gate.Release();
            }

            using (response)
            {
                metrics.Request(route.Display, (int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await OnRateLimitedAsync(route, bucket, response, ct).ConfigureAwait(false);
                    continue;
                }
                if (response.IsSuccessStatusCode) return await SucceededAsync(route, response, answer, ct).ConfigureAwait(false);

                var headers = RateLimitHeaders.Read(response.Headers);
                var error = DiscordErrors.From(response.StatusCode, await ReadErrorAsync(response, ct).ConfigureAwait(false), headers.RetryAfter);
                return Failed(route, error);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(DiscordRoute route, byte[]? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
    }

    private async Task OnRateLimitedAsync(DiscordRoute route, Bucket bucket, HttpResponseMessage response, CancellationToken ct)
    {
        var headers = RateLimitHeaders.Read(response.Headers);
        var body = await ReadErrorAsync(response, ct).ConfigureAwait(false);
        var global = headers.Global || body?.Global == true;
        var scope = headers.Scope ?? (global ? "global" : "user");
        var retryAfter = body?.RetryAfter is { } seconds and >= 0 and < 86_400 ? TimeSpan.FromSeconds(seconds) : headers.RetryAfter ?? TimeSpan.FromSeconds(1);
        var invalid = limiter.RateLimited(bucket, global, scope, retryAfter);
        metrics.RateLimited(scope);
        if (invalid) metrics.InvalidRequest();
        LogRateLimited(route.Display, scope, retryAfter.TotalSeconds);
    }

    private async Task<DiscordResult<T>> SucceededAsync<T>(DiscordRoute route, HttpResponseMessage response, JsonTypeInfo<T>? answer, CancellationToken ct)
    {
        limiter.Accepted(route);
        status.RestSucceeded(time.GetUtcNow());
        if (answer is null) return DiscordResult<T>.Success(default!);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, answer, ct).ConfigureAwait(false);
                return value is null
                    ? DiscordResult<T>.Failure(Failed(route, new DiscordError.Other((int)response.StatusCode, 0, "empty answer")))
                    : DiscordResult<T>.Success(value);
            }
        }
        catch (JsonException e)
        {
            return Failed(route, new DiscordError.Other((int)response.StatusCode, 0, "unreadable answer: " + e.Message));
        }
    }

    private DiscordError Failed(DiscordRoute route, DiscordError error)
    {
        status.RestFailed($"{route.Display}: {error}", time.GetUtcNow());
        switch (error)
        {
            case DiscordError.Unauthorized:
                limiter.TokenRejected = true;
                limiter.CountInvalid();
                metrics.InvalidRequest();
                status.SetConnection(DiscordConnection.Stopped, "the bot token was rejected (401); fix Discord:Token", time.GetUtcNow());
                LogUnauthorized(route.Display);
                break;
            case DiscordError.InvalidFormBody invalid:
                LogInvalidBody(route.Display, invalid.Message, string.Join("; ", invalid.FieldErrors.Select(f => $"{f.Key}: {f.Value}")));
                break;
            case DiscordError.NoAccess or DiscordError.NotFound or DiscordError.CannotMessageUser:
                if (error.Status == 403)
                {
                    limiter.CountInvalid();
                    metrics.InvalidRequest();
                }
                if (limiter.Refused(route, error)) LogSuspended(route.Display, route.Target, error.ToString());
                break;
            default:
                LogFailed(route.Display, error.ToString());
                break;
        }
        return error;
    }

    private static async Task<ErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, Json.ErrorBody);
        }
        catch (JsonException)
        {
            return null; // an HTML error page from a proxy: the status code says enough
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Discord rate limit on {Route} ({Scope}): waiting {RetryAfterSeconds:0.###} s")]
    private partial void LogRateLimited(string route, string scope, double retryAfterSeconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Discord rejected the body of {Route}: {Message}; field errors: {FieldErrors}")]
    private partial void LogInvalidBody(string route, string message, string fieldErrors);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Discord keeps refusing {Route} for {Target} ({Error}); it is left alone for a while")]
    private partial void LogSuspended(string route, string target, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "Discord rejected the bot token on {Route}; no more Discord requests until Discord:Token is fixed")]
    private partial void LogUnauthorized(string route);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Discord request {Route} failed: {Error}")]
    private partial void LogFailed(string route, string error);
}
