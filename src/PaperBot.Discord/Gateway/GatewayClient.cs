using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Interactions.Models;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Gateway;

/// <summary>
/// The gateway session loop (docs: Gateway): connect, Hello, Identify or Resume, heartbeats with the first one
/// jittered, READY / RESUMED, and every way a connection ends — op 7, op 9, a close code, a dropped socket, a zombie
/// connection that stopped ACKing — answered by resuming or identifying anew, with backoff while it keeps failing.
/// A fatal close code stops it with one log line and <see cref="DiscordConnection.Stopped"/>; nothing else does.
/// </summary>
public sealed class GatewayClient(
    DiscordOptions options,
    IDiscordRestClient rest,
    IGatewayTransportFactory transports,
    IGatewayInteractionSink interactions,
    DiscordStatus status,
    TimeProvider time,
    Random random,
    ILogger<GatewayClient> log)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>Resume attempts whose connection fails before this many tries give way to a fresh session.</summary>
    private const int ResumeAttempts = 3;

    private readonly DiscordOptions _options = options;
    private readonly IGatewayInteractionSink _interactions = interactions;
    private readonly DiscordStatus _status = status;
    private readonly TimeProvider _time = time;
    private readonly Random _random = random;
    private readonly ILogger _log = log;
    private readonly GatewaySession _session = new();

    /// <summary>Runs until <paramref name="ct"/> is cancelled or a fatal close code stops it.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            ConnectionEnd end;
            try
            {
                end = await ConnectOnceAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            if (end.Fatal)
            {
                GatewayLog.Stopped(_log, end.Reason);
                _status.SetConnection(DiscordConnection.Stopped, end.Reason, _time.GetUtcNow());
                return;
            }
            failures = end.Healthy ? 0 : failures + 1;
            if (failures >= ResumeAttempts && _session.CanResume) _session.Clear();
            var delay = end.Delay ?? Backoff(failures);
            var action = _session.CanResume ? "resume" : "identify";
            GatewayLog.Reconnecting(_log, end.Reason, (long)delay.TotalMilliseconds, action);
            _status.SetConnection(_session.CanResume ? DiscordConnection.Resuming : DiscordConnection.Connecting, end.Reason, _time.GetUtcNow());
            try
            {
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>None after a healthy connection; then 1, 2, 4 … 60 s, each between half and all of it.</summary>
    private TimeSpan Backoff(int failures)
    {
        if (failures == 0) return TimeSpan.Zero;
        var full = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
        return full * (0.5 + _random.NextDouble() / 2);
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(CancellationToken ct)
    {
        var resume = _session.CanResume;
        Uri url;
        if (resume)
        {
            url = _session.ResumeUrl!;
        }
        else
        {
            var gateway = await rest.GetGatewayBotAsync(ct).ConfigureAwait(false);
            if (!gateway.IsSuccess)
            {
                return gateway.Error is DiscordError.Unauthorized
                    ? ConnectionEnd.Stop($"GET /gateway/bot was refused ({gateway.Error}): Discord:Token is wrong or was reset")
                    : ConnectionEnd.Failed($"GET /gateway/bot failed ({gateway.Error})");
            }
            var limit = gateway.Value.SessionStartLimit;
            if (limit.Total > 0 && limit.Remaining == 0)
                return new ConnectionEnd(false, false, "the daily identify limit is used up", TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 1000)));
            if (!Uri.TryCreate(gateway.Value.Url, UriKind.Absolute, out var gatewayUrl))
                return ConnectionEnd.Failed($"GET /gateway/bot answered an invalid URL '{gateway.Value.Url}'");
            url = gatewayUrl;
        }

        url = Versioned(url);
        GatewayLog.Connecting(_log, url.GetLeftPart(UriPartial.Path), resume ? "resume" : "identify");
        _status.SetConnection(resume ? DiscordConnection.Resuming : DiscordConnection.Connecting, null, _time.GetUtcNow());
        var transport = transports.Create();
        await using (transport.ConfigureAwait(false))
        {
            try
            {
                await transport.ConnectAsync(url, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
            {
                return ConnectionEnd.Failed("connecting failed: " + e.Message);
            }
            return await new Connection(this, transport, resume).RunAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>API v10 with JSON, on the gateway URL and on the resume URL alike.</summary>
    private static Uri Versioned(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    /// <summary>How a connection ended: <see cref="Healthy"/> once READY or RESUMED arrived (the backoff starts over);
    /// <see cref="Delay"/> when the protocol says how long to wait.</summary>
    private sealed record ConnectionEnd(bool Healthy, bool Fatal, string Reason, TimeSpan? Delay = null)
    {
        public static ConnectionEnd Failed(string reason) => new(false, false, reason);

        public static ConnectionEnd Stop(string reason) => new(false, true, reason);
    }

    /// <summary>One WebSocket connection: its receive loop, its heartbeat loop and its send limit.</summary>
    private sealed class Connection(GatewayClient client, IGatewayTransport transport, bool resume)
    {
        private readonly GatewaySendLimiter _limiter = new(client._time);
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private Task _heartbeat = Task.CompletedTask;
        private int _acked = 1;
        private long _beatSentAt;
        private volatile bool _zombie;
        private bool _healthy;

        public async Task<ConnectionEnd> RunAsync(CancellationToken ct)
        {
            using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                while (true)
                {
                    var frame = await transport.ReceiveAsync(connection.Token).ConfigureAwait(false);
                    if (frame.Closed) return Closed(frame);
                    if (await HandleAsync(frame.Payload, connection).ConfigureAwait(false) is { } end) return end;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return End(_zombie ? "no heartbeat ACK (zombie connection)" : "the connection was dropped");
            }
            catch (WebSocketException e)
            {
                return End("sending failed: " + e.Message);
            }
            finally
            {
                await connection.CancelAsync().ConfigureAwait(false);
                await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                _sendLock.Dispose();
            }
        }

        private ConnectionEnd End(string reason, TimeSpan? delay = null) => new(_healthy, false, reason, delay);

        private ConnectionEnd Closed(GatewayFrame frame)
        {
            if (_zombie) return End("no heartbeat ACK (zombie connection)");
            if (GatewayCloseCodes.IsFatal(frame.CloseCode)) return ConnectionEnd.Stop(GatewayCloseCodes.Describe(frame.CloseCode));
            if (GatewayCloseCodes.EndsSession(frame.CloseCode)) client._session.Clear();
            return End("Discord closed the connection: " + GatewayCloseCodes.Describe(frame.CloseCode));
        }

        /// <returns>Null to go on receiving, or how the connection ends.</returns>
        private async Task<ConnectionEnd?> HandleAsync(ReadOnlyMemory<byte> payload, CancellationTokenSource connection)
        {
            var ct = connection.Token;
            GatewayEvent e;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(payload);
                e = GatewayEvent.From(doc.RootElement);
            }
            catch (JsonException ex)
            {
                GatewayLog.BadPayload(client._log, ex.Message);
                return null;
            }
            using (doc)
            {
                if (e.Sequence is { } s) client._session.Sequence = s;
                switch (e.Op)
                {
                    case GatewayOpcodes.Hello:
                        var interval = TimeSpan.FromMilliseconds(e.Data.GetProperty("heartbeat_interval").GetDouble());
                        _heartbeat = HeartbeatAsync(interval, connection);
                        await SendAsync(resume
                            ? GatewayPayloads.Resume(client._options.Token, client._session.SessionId!, client._session.Sequence)
                            : GatewayPayloads.Identify(client._options.Token), ct).ConfigureAwait(false);
                        return null;
                    case GatewayOpcodes.Heartbeat:
                        await SendAsync(GatewayPayloads.Heartbeat(client._session.Sequence), ct).ConfigureAwait(false);
                        return null;
                    case GatewayOpcodes.HeartbeatAck:
                        Volatile.Write(ref _acked, 1);
                        if (Interlocked.Exchange(ref _beatSentAt, 0) is var sent and not 0) client._status.HeartbeatAcked(client._time.GetElapsedTime(sent));
                        return null;
                    case GatewayOpcodes.Dispatch:
                        Dispatch(e);
                        return null;
                    case GatewayOpcodes.Reconnect:
                        await transport.CloseAsync(GatewayCloseCodes.Reconnecting, "reconnect requested", ct).ConfigureAwait(false);
                        return End("Discord asked for a reconnect (op 7)", TimeSpan.Zero);
                    case GatewayOpcodes.InvalidSession:
                        var resumable = e.Data.ValueKind == JsonValueKind.True;
                        if (!resumable) client._session.Clear();
                        await transport.CloseAsync(GatewayCloseCodes.Reconnecting, "invalid session", ct).ConfigureAwait(false);
                        // The docs ask for a random wait of 1–5 s before trying again.
                        var wait = TimeSpan.FromSeconds(1 + client._random.NextDouble() * 4);
                        return End(resumable ? "the session is invalid but resumable (op 9)" : "the session is invalid (op 9)", wait);
                    default:
                        return null;
                }
            }
        }

        private void Dispatch(GatewayEvent e)
        {
            switch (e.Type)
            {
                case "READY":
                    var sessionId = e.Data.GetProperty("session_id").GetString()!;
                    client._session.Start(sessionId, new Uri(e.Data.GetProperty("resume_gateway_url").GetString()!));
                    Healthy("session " + sessionId);
                    GatewayLog.Ready(client._log, sessionId);
                    break;
                case "RESUMED":
                    Healthy("session resumed");
                    GatewayLog.Resumed(client._log, client._session.SessionId, client._session.Sequence);
                    break;
                case "INTERACTION_CREATE":
                    if (e.Data.Deserialize(InteractionJsonContext.Default.Interaction) is { } interaction && interaction.IsWellFormed()) client._interactions.Accept(interaction);
                    break;
            }
        }

        private void Healthy(string detail)
        {
            _healthy = true;
            client._status.SetConnection(DiscordConnection.Connected, detail, client._time.GetUtcNow());
        }

        /// <summary>The first beat after interval × jitter, then one per interval; a beat with the previous one
        /// still unacknowledged means the connection is a zombie: close it (not with 1000/1001) and resume.</summary>
        private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource connection)
        {
            var ct = connection.Token;
            try
            {
                await Task.Delay(interval * client._random.NextDouble(), client._time, ct).ConfigureAwait(false);
                while (true)
                {
                    if (Interlocked.Exchange(ref _acked, 0) == 0)
                    {
                        _zombie = true;
                        GatewayLog.Zombie(client._log, (long)interval.TotalMilliseconds);
                        await transport.CloseAsync(GatewayCloseCodes.Reconnecting, "no heartbeat ACK", CancellationToken.None).ConfigureAwait(false);
                        await connection.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                    Volatile.Write(ref _beatSentAt, client._time.GetTimestamp());
                    await SendAsync(GatewayPayloads.Heartbeat(client._session.Sequence), ct).ConfigureAwait(false);
                    await Task.Delay(interval, client._time, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The connection ended.
            }
            catch (WebSocketException)
            {
                await connection.CancelAsync().ConfigureAwait(false);
            }
        }

        private async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
        {
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await _limiter.WaitAsync(ct).ConfigureAwait(false);
                await transport.SendAsync(payload, ct).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}
