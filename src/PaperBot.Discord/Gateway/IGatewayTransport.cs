namespace PaperBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway, as the session loop sees it: whole text messages in and out, and the
/// close. A new transport per connection. Tests script it; <see cref="WebSocketGatewayTransport"/> is the real one.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri url, CancellationToken ct);

    Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken ct);

    /// <summary>The next whole message, or the end of the connection (a close frame or a dropped socket).</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken ct);

    /// <summary>Closes from our side with <paramref name="code"/>; never waits long for a peer that stopped answering.</summary>
    Task CloseAsync(int code, string reason, CancellationToken ct);
}

/// <summary>Creates a transport for each connection.</summary>
public interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}

/// <summary>A message, or the connection's end: <see cref="CloseCode"/> is the peer's close code, null when the socket
/// dropped without one.</summary>
public sealed record GatewayFrame(ReadOnlyMemory<byte> Payload, bool Closed, int? CloseCode, string? CloseReason)
{
    public static GatewayFrame Message(ReadOnlyMemory<byte> payload) => new(payload, false, null, null);

    public static GatewayFrame Close(int? code, string? reason) => new(ReadOnlyMemory<byte>.Empty, true, code, reason);
}
