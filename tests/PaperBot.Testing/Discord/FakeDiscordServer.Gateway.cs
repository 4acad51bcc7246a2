using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PaperBot.Testing.Discord;

/// <summary>
/// The Gateway half of the fake: a real WebSocket at <c>/gateway</c>. Each connection becomes a
/// <see cref="FakeGatewayConnection"/> that the test scripts frame by frame (Hello, READY, dispatches, close codes),
/// as Discord would, and reads what the client sent (Identify, Resume, heartbeats).
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly Channel<FakeGatewayConnection> _gatewayConnections = Channel.CreateUnbounded<FakeGatewayConnection>();

    /// <summary>What <c>GET /gateway/bot</c> answers, and a good <c>resume_gateway_url</c>.</summary>
    public string GatewayUrl => new UriBuilder(BaseUri) { Scheme = "ws", Path = "gateway" }.Uri.ToString();

    public Task<FakeGatewayConnection> NextGatewayConnectionAsync() =>
        _gatewayConnections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    static partial void MapGateway(WebApplication app, Func<FakeDiscordServer> server)
    {
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path != "/gateway")
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var connection = new FakeGatewayConnection(socket, context.Request.QueryString.Value ?? "");
            server()._gatewayConnections.Writer.TryWrite(connection);
            await connection.PumpAsync(context.RequestAborted).ConfigureAwait(false);
        });
    }
}

/// <summary>One client connection to the fake Gateway.</summary>
public sealed class FakeGatewayConnection(WebSocket socket, string query)
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>The query string the client connected with (Discord expects <c>?v=10&amp;encoding=json</c>).</summary>
    public string Query { get; } = query;

    /// <summary>The next payload the client sent.</summary>
    public async Task<JsonElement> ReceiveAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);

    public async Task SendAsync(string json)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    public Task HelloAsync(int heartbeatIntervalMs) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public Task DispatchAsync(string type, int sequence, string data) =>
        SendAsync($$"""{"op":0,"t":"{{type}}","s":{{sequence}},"d":{{data}}}""");

    public Task ReadyAsync(int sequence, string sessionId, string resumeUrl) =>
        DispatchAsync("READY", sequence, $$$"""{"v":10,"user":{"id":"1","username":"bot"},"guilds":[],"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl}}}","application":{"id":"1000","flags":0}}""");

    /// <summary>Closes from the server's side with a Gateway close code (4000 resumable, 4004 fatal, …).</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Reads the client's frames until either side closes.</summary>
    internal async Task PumpAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                    message.Write(buffer, 0, result.Count);
                } while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close) break;
                _received.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client dropped the connection: nothing more will arrive.
        }
        _received.Writer.TryComplete();
    }
}
