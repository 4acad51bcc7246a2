using System.Buffers;
using System.Net.WebSockets;

namespace PaperBot.Discord.Gateway;

/// <summary>The gateway over <see cref="ClientWebSocket"/>: JSON text frames, no compression.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    /// <summary>READY of a bot in many guilds is large; anything beyond this is not a gateway message.</summary>
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    /// <summary>How long a close waits for the peer's echo: a zombie connection never answers.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    public Task ConnectAsync(Uri url, CancellationToken ct) => _socket.ConnectAsync(url, ct);

    public async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken ct) =>
        await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct)
    {
        _buffer.ResetWrittenCount();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.GetMemory(8192), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                    return GatewayFrame.Close((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
                _buffer.Advance(result.Count);
                if (_buffer.WrittenCount > MaxMessageBytes)
                {
                    _socket.Abort();
                    return GatewayFrame.Close(null, $"a message over {MaxMessageBytes} bytes");
                }
                if (result.EndOfMessage) return GatewayFrame.Message(_buffer.WrittenMemory);
            }
        }
        catch (WebSocketException e)
        {
            return GatewayFrame.Close(null, e.Message);
        }
    }

    public async Task CloseAsync(int code, string reason, CancellationToken ct)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CloseTimeout);
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new WebSocketGatewayTransport();
}
