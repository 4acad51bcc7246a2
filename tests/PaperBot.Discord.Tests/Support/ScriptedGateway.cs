using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using PaperBot.Discord.Gateway;

namespace PaperBot.Discord.Tests.Support;

/// <summary>Scripted gateway connections (Remora's test style): the test plays Discord, frame by frame.</summary>
public sealed class ScriptedGateway : IGatewayTransportFactory
{
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();

    public IGatewayTransport Create()
    {
        var connection = new ScriptedConnection();
        _connections.Writer.TryWrite(connection);
        return connection;
    }

    public Task<ScriptedConnection> NextConnectionAsync() => _connections.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasNewConnection => _connections.Reader.Count > 0;
}

public sealed class ScriptedConnection : IGatewayTransport
{
    private readonly Channel<GatewayFrame> _toClient = Channel.CreateUnbounded<GatewayFrame>();
    private readonly Channel<JsonElement> _sent = Channel.CreateUnbounded<JsonElement>();

    public Uri? Url { get; private set; }
    public int? ClosedWith { get; private set; }
    public int SentCount { get; private set; }

    // Discord's side.
    public void Send(string json) => _toClient.Writer.TryWrite(GatewayFrame.Message(Encoding.UTF8.GetBytes(json)));

    public void Hello(int intervalMs = 1000) => Send($$"""{"op":10,"d":{"heartbeat_interval":{{intervalMs}}},"s":null,"t":null}""");

    public void Ready(int seq, string session = "sess-1", string resumeUrl = "wss://resume.test") =>
        Dispatch("READY", seq, $$$"""{"v":10,"user":{"id":"1","username":"bot"},"guilds":[],"session_id":"{{{session}}}","resume_gateway_url":"{{{resumeUrl}}}","application":{"id":"1000","flags":0}}""");

    public void Dispatch(string type, int seq, string data) => Send($$"""{"op":0,"t":"{{type}}","s":{{seq}},"d":{{data}}}""");

    public void Ack() => Send("""{"op":11}""");

    public void Drop(int? code = null) => _toClient.Writer.TryWrite(GatewayFrame.Close(code, null));

    public async Task<JsonElement> NextSentAsync() => await _sent.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool TryNextSent(out JsonElement payload) => _sent.Reader.TryRead(out payload);

    // The client's side.
    public Task ConnectAsync(Uri url, CancellationToken ct)
    {
        Url = url;
        return Task.CompletedTask;
    }

    public Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        Assert.True(payload.Length <= 4096, "a gateway payload over 4096 bytes");
        SentCount++;
        _sent.Writer.TryWrite(JsonDocument.Parse(payload).RootElement.Clone());
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct) => await _toClient.Reader.ReadAsync(ct);

    public Task CloseAsync(int code, string reason, CancellationToken ct)
    {
        ClosedWith = code;
        _toClient.Writer.TryWrite(GatewayFrame.Close(code, reason));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Jitter that is always the same fraction: the first heartbeat and backoffs become exact.</summary>
public sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
