using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing.Discord;
using GatewayBot = PaperBot.Discord.Rest.Models.GatewayBot;
using Interaction = PaperBot.Discord.Interactions.Models.Interaction;

namespace PaperBot.Discord.Tests.Gateway;

/// <summary>The real WebSocket transport against the fake Gateway over loopback (the scripted-transport tests cover
/// the protocol's timing with a fake clock; these prove the same client works on a real socket).</summary>
public sealed class WebSocketGatewayTests : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly DiscordStatus _status = new();
    private readonly Sink _sink = new();
    private FakeDiscordServer? _discord;
    private Task? _running;

    private async Task<FakeDiscordServer> StartAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        var rest = new RecordingDiscordRest { Gateway = { DiscordResult<GatewayBot>.Success(new GatewayBot { Url = _discord.GatewayUrl }) } };
        var client = new GatewayClient(new DiscordOptions { Token = "bot-token", ApplicationId = "1000" }, rest,
            new WebSocketGatewayTransportFactory(), _sink, _status, TimeProvider.System, new Random(7), NullLogger<GatewayClient>.Instance);
        _running = Task.Run(() => client.RunAsync(_stop.Token));
        return _discord;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null) await _running.WaitAsync(TimeSpan.FromSeconds(30));
        if (_discord is not null) await _discord.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class Sink : IGatewayInteractionSink
    {
        public System.Threading.Channels.Channel<Interaction> Received { get; } = System.Threading.Channels.Channel.CreateUnbounded<Interaction>();

        public void Accept(Interaction interaction) => Received.Writer.TryWrite(interaction);
    }

    [Fact]
    public async Task Over_a_real_socket_the_client_identifies_passes_interactions_on_and_resumes_after_a_resumable_close()
    {
        var discord = await StartAsync();

        var first = await discord.NextGatewayConnectionAsync();
        Assert.Equal("?v=10&encoding=json", first.Query);
        await first.HelloAsync(45_000);
        var identify = await first.ReceiveAsync();
        Assert.Equal((2, "bot-token", 0), (identify.GetProperty("op").GetInt32(),
            identify.GetProperty("d").GetProperty("token").GetString(), identify.GetProperty("d").GetProperty("intents").GetInt32()));
        await first.ReadyAsync(1, "sess-ws", discord.GatewayUrl);
        await first.DispatchAsync("INTERACTION_CREATE", 2, """{"id":"77","type":2,"token":"tok","application_id":"1000","data":{"name":"help"},"user":{"id":"9"}}""");
        var interaction = await _sink.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("77", "help"), (interaction.Id, interaction.Data!.Name));

        await first.CloseAsync(4000, "unknown error");

        var again = await discord.NextGatewayConnectionAsync();
        await again.HelloAsync(45_000);
        var resume = await again.ReceiveAsync();
        Assert.Equal((6, "sess-ws", 2), (resume.GetProperty("op").GetInt32(),
            resume.GetProperty("d").GetProperty("session_id").GetString(), resume.GetProperty("d").GetProperty("seq").GetInt32()));
    }

    [Fact]
    public async Task A_fatal_close_code_on_a_real_socket_stops_the_discord_part_without_reconnecting()
    {
        var discord = await StartAsync();
        var connection = await discord.NextGatewayConnectionAsync();
        await connection.HelloAsync(45_000);
        await connection.ReceiveAsync();

        await connection.CloseAsync(4004, "Authentication failed.");

        await _running!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(DiscordConnection.Stopped, _status.Snapshot().Connection);
    }
}
