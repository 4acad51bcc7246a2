using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Discord.Gateway;
using PaperBot.Discord.Interactions.Models;
using PaperBot.Discord.Rest;
using GatewayBot = PaperBot.Discord.Rest.Models.GatewayBot;
using PaperBot.Discord.Tests.Support;

namespace PaperBot.Discord.Tests.Gateway;

public sealed class GatewayClientTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
    private readonly ScriptedGateway _gateway = new();
    private readonly RecordingDiscordRest _rest = new() { Gateway = { DiscordResult<GatewayBot>.Success(new GatewayBot { Url = "wss://gateway.test" }) } };
    private readonly Sink _sink = new();
    private readonly DiscordStatus _status = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public GatewayClientTests()
    {
        var options = new DiscordOptions { Token = "bot-token", ApplicationId = "1000" };
        var client = new GatewayClient(options, _rest, _gateway, _sink, _status, _time, new FixedRandom(0.5), NullLogger<GatewayClient>.Instance);
        _running = Task.Run(() => client.RunAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private sealed class Sink : IGatewayInteractionSink
    {
        public Channel<Interaction> Received { get; } = System.Threading.Channels.Channel.CreateUnbounded<Interaction>();

        public void Accept(Interaction interaction) => Received.Writer.TryWrite(interaction);
    }

    /// <summary>Moves the fake clock in small steps until <paramref name="done"/>; each step gives the client's
    /// threads a moment to act on the timers that fired (the clock is fake, this pause is not a wait for time).</summary>
    private async Task AdvanceUntil(Func<bool> done, TimeSpan step, int maxSteps = 1000)
    {
        var happened = done();
        for (var i = 0; i < maxSteps && !happened; i++)
        {
            _time.Advance(step);
            await Task.Delay(1);
            happened = done();
        }
        Assert.True(happened, "the expected event did not happen");
    }

    /// <summary>The client handles frames in order: once it answers an op 1, everything sent before was handled.</summary>
    private static async Task Barrier(ScriptedConnection c)
    {
        c.Send("""{"op":1,"d":null}""");
        Assert.Equal(1, Op(await c.NextSentAsync()));
    }

    /// <summary>Connects, identifies and gets READY (sequence 1).</summary>
    private async Task<ScriptedConnection> ReadyAsync()
    {
        var c = await _gateway.NextConnectionAsync();
        c.Hello(1000);
        Assert.Equal(2, (await c.NextSentAsync()).GetProperty("op").GetInt32());
        c.Ready(1);
        return c;
    }

    private static int Op(JsonElement payload) => payload.GetProperty("op").GetInt32();

    [Fact]
    public async Task It_identifies_with_intents_0_and_heartbeats_first_after_the_jitter_then_every_interval_timing_each_ack()
    {
        var c = await _gateway.NextConnectionAsync();
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", c.Url!.AbsoluteUri);
        c.Hello(1000);
        var identify = await c.NextSentAsync();
        Assert.Equal(2, Op(identify));
        var d = identify.GetProperty("d");
        Assert.Equal(("bot-token", 0, "paperbot"), (d.GetProperty("token").GetString(), d.GetProperty("intents").GetInt32(), d.GetProperty("properties").GetProperty("browser").GetString()));

        var start = _time.GetUtcNow();
        var first = default(JsonElement);
        await AdvanceUntil(() => c.TryNextSent(out first), TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, Op(first));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("d").ValueKind);
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(600)); // 1000 ms × jitter 0.5

        _time.Advance(TimeSpan.FromMilliseconds(42)); // the ACK's round trip
        c.Ack();
        c.Ready(1);
        await Barrier(c);
        Assert.Equal(DiscordConnection.Connected, _status.Snapshot().Connection);
        Assert.InRange(_status.Snapshot().HeartbeatLatency!.Value, TimeSpan.FromMilliseconds(42), TimeSpan.FromMilliseconds(52));
        start = _time.GetUtcNow();
        var second = default(JsonElement);
        await AdvanceUntil(() => c.TryNextSent(out second), TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, second.GetProperty("d").GetInt32());
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(1100));
    }

    [Fact]
    public async Task Interactions_arriving_as_dispatches_reach_the_sink_and_op_1_gets_an_immediate_heartbeat()
    {
        var c = await ReadyAsync();
        c.Dispatch("INTERACTION_CREATE", 2, """{"id":"77","type":2,"token":"tok","application_id":"1000","data":{"name":"help"},"user":{"id":"9"}}""");
        var interaction = await _sink.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("77", "tok", "help", "9"), (interaction.Id, interaction.Token, interaction.Data!.Name, interaction.Caller!.Id));

        c.Send("""{"op":1,"d":null}""");
        var beat = await c.NextSentAsync();
        Assert.Equal((1, 2), (Op(beat), beat.GetProperty("d").GetInt32()));
    }

    [Fact]
    public async Task A_zombie_connection_without_heartbeat_acks_is_closed_without_1000_and_resumed()
    {
        var c = await ReadyAsync();
        JsonElement beat = default;
        await AdvanceUntil(() => c.TryNextSent(out beat), TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, Op(beat));
        // No ACK: at the next beat the connection is a zombie.
        await AdvanceUntil(() => _gateway.HasNewConnection, TimeSpan.FromMilliseconds(10));

        Assert.Equal(GatewayCloseCodes.Reconnecting, c.ClosedWith);
        var resumed = await _gateway.NextConnectionAsync();
        Assert.Equal("wss://resume.test/?v=10&encoding=json", resumed.Url!.AbsoluteUri);
        resumed.Hello();
        var resume = await resumed.NextSentAsync();
        Assert.Equal(6, Op(resume));
        Assert.Equal(("sess-1", 1), (resume.GetProperty("d").GetProperty("session_id").GetString(), resume.GetProperty("d").GetProperty("seq").GetInt32()));
        Assert.Equal(1, _rest.GatewayCalls);
    }

    [Fact]
    public async Task After_a_dropped_socket_it_resumes_and_takes_the_replayed_events()
    {
        var c = await ReadyAsync();
        c.Dispatch("INTERACTION_CREATE", 2, """{"id":"1","type":2,"token":"a"}""");
        await _sink.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        c.Drop();

        var again = await _gateway.NextConnectionAsync();
        again.Hello();
        var resume = await again.NextSentAsync();
        Assert.Equal((6, 2), (Op(resume), resume.GetProperty("d").GetProperty("seq").GetInt32()));
        again.Dispatch("INTERACTION_CREATE", 3, """{"id":"2","type":2,"token":"b"}""");
        again.Dispatch("RESUMED", 4, "{}");

        var replayed = await _sink.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("2", replayed.Id);
        await Barrier(again);
        Assert.Equal((DiscordConnection.Connected, "session resumed"), (_status.Snapshot().Connection, _status.Snapshot().ConnectionDetail));
    }

    [Fact]
    public async Task Op_7_reconnects_at_once_and_resumes()
    {
        var c = await ReadyAsync();
        c.Send("""{"op":7,"d":null}""");
        var again = await _gateway.NextConnectionAsync();
        Assert.Equal(GatewayCloseCodes.Reconnecting, c.ClosedWith);
        again.Hello();
        Assert.Equal(6, Op(await again.NextSentAsync()));
    }

    [Theory]
    [InlineData(true, 6)]
    [InlineData(false, 2)]
    public async Task Op_9_waits_then_resumes_when_resumable_and_identifies_anew_when_not(bool resumable, int expectedOp)
    {
        var c = await ReadyAsync();
        c.Send($$"""{"op":9,"d":{{(resumable ? "true" : "false")}}}""");
        var start = _time.GetUtcNow();
        await AdvanceUntil(() => _gateway.HasNewConnection, TimeSpan.FromMilliseconds(20), 500);
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.5)); // 1 + 4 × 0.5 s

        var again = await _gateway.NextConnectionAsync();
        again.Hello();
        Assert.Equal(expectedOp, Op(await again.NextSentAsync()));
        Assert.Equal(resumable ? 1 : 2, _rest.GatewayCalls);
    }

    [Fact]
    public async Task Close_code_4007_starts_a_new_session_instead_of_resuming()
    {
        var c = await ReadyAsync();
        c.Drop(4007);
        var again = await _gateway.NextConnectionAsync();
        again.Hello();
        Assert.Equal(2, Op(await again.NextSentAsync()));
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", again.Url!.AbsoluteUri);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task A_fatal_close_code_stops_the_gateway_with_a_health_status_and_no_reconnect(int code)
    {
        var c = await ReadyAsync();
        c.Drop(code);
        await _running.WaitAsync(TimeSpan.FromSeconds(10));

        var status = _status.Snapshot();
        Assert.Equal(DiscordConnection.Stopped, status.Connection);
        Assert.Contains($"({code})", status.ConnectionDetail);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(_gateway.HasNewConnection);
    }

    [Fact]
    public async Task A_refused_token_on_get_gateway_bot_stops_the_gateway()
    {
        await using var refused = new RefusedTokenRun();
        await refused.Running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(DiscordConnection.Stopped, refused.Status.Snapshot().Connection);
        Assert.Contains("Discord:Token", refused.Status.Snapshot().ConnectionDetail);
    }

    [Fact]
    public async Task Failing_connections_back_off_exponentially_and_a_healthy_one_resets_the_backoff()
    {
        var c = await _gateway.NextConnectionAsync();
        c.Drop(); // before READY: not healthy
        var start = _time.GetUtcNow();
        await AdvanceUntil(() => _gateway.HasNewConnection, TimeSpan.FromMilliseconds(10));
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(850)); // 1 s × 0.75

        (await _gateway.NextConnectionAsync()).Drop();
        start = _time.GetUtcNow();
        await AdvanceUntil(() => _gateway.HasNewConnection, TimeSpan.FromMilliseconds(10));
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(1600)); // 2 s × 0.75

        var healthy = await _gateway.NextConnectionAsync();
        healthy.Hello();
        await healthy.NextSentAsync();
        healthy.Ready(1);
        await Barrier(healthy);
        healthy.Drop();
        var resumed = await _gateway.NextConnectionAsync(); // at once
        Assert.Equal("wss://resume.test/?v=10&encoding=json", resumed.Url!.AbsoluteUri);
    }

    [Fact]
    public async Task It_never_sends_more_than_120_events_in_60_seconds()
    {
        var c = await ReadyAsync(); // the Identify was the first send
        for (var i = 0; i < 130; i++) c.Send("""{"op":1,"d":null}""");
        for (var i = 1; i < 120; i++) Assert.Equal(1, Op(await c.NextSentAsync()));

        for (var i = 0; i < 50; i++) await Task.Yield();
        Assert.False(c.TryNextSent(out _));
        Assert.Equal(120, c.SentCount);

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(1, Op(await c.NextSentAsync()));
    }

    /// <summary>A client whose GET /gateway/bot answers 401.</summary>
    private sealed class RefusedTokenRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public RefusedTokenRun()
        {
            var rest = new RecordingDiscordRest { Gateway = { new DiscordError.Unauthorized(401, 0, "401: Unauthorized") } };
            var client = new GatewayClient(new DiscordOptions { Token = "wrong" }, rest, new ScriptedGateway(), new Sink(), Status,
                new FakeTimeProvider(), new FixedRandom(0.5), NullLogger<GatewayClient>.Instance);
            Running = client.RunAsync(_stop.Token);
        }

        public DiscordStatus Status { get; } = new();
        public Task Running { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _stop.Dispose();
        }
    }
}
