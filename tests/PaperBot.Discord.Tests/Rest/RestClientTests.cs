using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing.Discord;

namespace PaperBot.Discord.Tests.Rest;

public class RestClientTests
{
    private static MessageCreate Text(string content, string? nonce = null) => new() { Content = content, Nonce = nonce, EnforceNonce = nonce is null ? null : true };

    [Fact]
    public async Task A_message_goes_out_with_the_bot_token_discords_user_agent_and_snake_case_json_that_pings_nobody()
    {
        await using var rig = await DiscordRig.StartAsync();

        var sent = await rig.Rest.CreateMessageAsync("200000000000000001", Text("hello @everyone", "n-1"), CancellationToken.None);

        Assert.True(sent.IsSuccess, sent.ToString());
        Assert.Equal("200000000000000001", sent.Value.ChannelId);
        var request = Assert.Single(rig.Fake.Requests);
        Assert.Equal("Bot " + FakeDiscordServer.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (https://", request.UserAgent, StringComparison.Ordinal);
        var body = Assert.Single(rig.Fake.Messages).Body;
        Assert.Equal("""{"content":"hello @everyone","allowed_mentions":{"parse":[]},"nonce":"n-1","enforce_nonce":true}""", body.ToJsonString());
    }

    [Fact]
    public async Task Requests_to_one_channel_wait_for_the_bucket_the_headers_describe_and_never_hit_a_429()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.ChannelBucketLimit = 2;
        rig.Fake.ChannelBucketPeriod = TimeSpan.FromMilliseconds(300);

        var sends = Enumerable.Range(0, 7).Select(i => rig.Rest.CreateMessageAsync("200000000000000001", Text($"m{i}"), CancellationToken.None));
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal(7, rig.Fake.Messages.Count);
        Assert.Equal(0, rig.Fake.Unexpected429s);
        var times = rig.Fake.Requests.Select(r => r.At).Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromMilliseconds(900), "seven messages at two per 300 ms take at least three windows");
    }

    [Theory]
    [InlineData("user")]
    [InlineData("global")]
    [InlineData("shared")]
    public async Task A_storm_of_429s_of_any_scope_is_waited_out_and_every_message_arrives_once(string scope)
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.Inject("^POST /channels/", FakeDiscordFault.RateLimit(scope, TimeSpan.FromMilliseconds(20)), times: 15);

        var channels = Enumerable.Range(1, 5).Select(i => $"20000000000000000{i}").ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            rig.Rest.CreateMessageAsync(channels[i % 5], Text($"m{i}", $"nonce-{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"nonce-{i}").Order(), rig.Fake.Messages.Select(m => m.Nonce).Order());
        Assert.Equal(15, rig.Fake.Injected429s);
        Assert.Equal(0, rig.Fake.Unexpected429s);
        Assert.Equal(15, rig.Measured("rate_limited", "scope=" + scope));
        // A shared-scope 429 is Discord's limit on a resource, not our fault: it does not count as an invalid request.
        Assert.Equal(scope == "shared" ? 0 : 15, rig.Limiter.InvalidCount);
        Assert.Contains($"({scope}): waiting", rig.Log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_global_limit_holds_the_client_to_fifty_requests_a_second_without_a_single_429()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.ChannelBucketLimit = 100;

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            rig.Rest.CreateMessageAsync($"2000000000000{i:D5}", Text($"m{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal(0, rig.Fake.Unexpected429s);
        var times = rig.Fake.Requests.Select(r => r.At).Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(2), $"120 requests at 50/s span two seconds, not {times[^1] - times[0]}");
    }

    [Fact]
    public async Task A_rate_limit_longer_than_the_client_may_wait_is_a_transient_error_with_its_retry_time()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.Inject("^POST /channels/", FakeDiscordFault.RateLimit("user", TimeSpan.FromMinutes(5)));

        var first = await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);

        var error = Assert.IsType<DiscordError.Transient>(first.Error);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
        Assert.Single(rig.Fake.Requests); // waiting five minutes is the outbox's job, not a request's
        Assert.Empty(rig.Fake.Messages);
    }

    public static TheoryData<FakeDiscordFault, Type, int> Errors => new()
    {
        { FakeDiscordFault.CannotMessageUser(), typeof(DiscordError.CannotMessageUser), 50007 },
        { FakeDiscordFault.UnknownChannel(), typeof(DiscordError.NotFound), 10003 },
        { FakeDiscordFault.MissingAccess(), typeof(DiscordError.NoAccess), 50001 },
        { FakeDiscordFault.MissingPermissions(), typeof(DiscordError.NoAccess), 50013 },
        { FakeDiscordFault.ServerError(502), typeof(DiscordError.Transient), 0 },
        { FakeDiscordFault.ServerError(500), typeof(DiscordError.Transient), 0 },
        { FakeDiscordFault.Error(400, 50006, "Cannot send an empty message"), typeof(DiscordError.Other), 50006 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Discords_error_codes_become_typed_errors(FakeDiscordFault fault, Type expected, int code)
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.Inject("^POST /channels/", fault);

        var result = await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.IsType(expected, result.Error);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(fault.Status, result.Error.Status);
    }

    [Fact]
    public async Task An_invalid_form_body_names_each_field_in_the_log_without_the_token()
    {
        await using var rig = await DiscordRig.StartAsync();

        var result = await rig.Rest.CreateMessageAsync("200000000000000001",
            new MessageCreate { Embeds = [new Embed { Title = new string('t', 300) }], Content = new string('c', 2001) }, CancellationToken.None);

        var invalid = Assert.IsType<DiscordError.InvalidFormBody>(result.Error);
        Assert.Equal(["content", "embeds.0.title"], invalid.FieldErrors.Keys);
        Assert.Contains("BASE_TYPE_MAX_LENGTH", invalid.FieldErrors["embeds.0.title"], StringComparison.Ordinal);
        Assert.Contains("embeds.0.title: BASE_TYPE_MAX_LENGTH", rig.Log.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordServer.Token, rig.Log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_that_keeps_refusing_is_left_alone_so_invalid_requests_stay_few()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.BreakChannel("200000000000000001", FakeDiscordFault.MissingAccess());

        for (var i = 0; i < 10; i++) await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);
        var other = await rig.Rest.CreateMessageAsync("200000000000000002", Text("b"), CancellationToken.None);

        Assert.Equal(3, rig.Fake.Requests.Count(r => r.Path.Contains("200000000000000001", StringComparison.Ordinal)));
        var last = await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);
        Assert.IsType<DiscordError.NoAccess>(Assert.IsType<DiscordError.TargetSuspended>(last.Error).Last);
        Assert.True(other.IsSuccess);
        Assert.Equal(3, rig.Limiter.InvalidCount);
        Assert.Equal(3, rig.Measured("invalid_requests"));
    }

    [Fact]
    public async Task An_unknown_channel_is_not_asked_again()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.BreakChannel("200000000000000001", FakeDiscordFault.UnknownChannel());

        await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);
        var second = await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);

        Assert.IsType<DiscordError.TargetSuspended>(second.Error);
        Assert.Single(rig.Fake.Requests);
    }

    [Fact]
    public async Task A_rejected_token_stops_every_request_and_marks_discord_stopped()
    {
        await using var rig = await DiscordRig.StartAsync(token: "wrong-token");

        var first = await rig.Rest.GetGatewayBotAsync(CancellationToken.None);
        var second = await rig.Rest.CreateMessageAsync("200000000000000001", Text("a"), CancellationToken.None);

        Assert.IsType<DiscordError.Unauthorized>(first.Error);
        Assert.IsType<DiscordError.Unauthorized>(second.Error);
        Assert.Single(rig.Fake.Requests);
        Assert.Equal(DiscordConnection.Stopped, rig.Status.Snapshot().Connection);
        Assert.DoesNotContain("wrong-token", rig.Log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_routes_send_and_read_discords_shapes()
    {
        await using var rig = await DiscordRig.StartAsync();
        var ct = CancellationToken.None;

        var gateway = await rig.Rest.GetGatewayBotAsync(ct);
        var dm = await rig.Rest.CreateDmAsync("300000000000000001", ct);
        var commands = await rig.Rest.OverwriteGuildCommandsAsync("400000000000000001",
            [new ApplicationCommand { Name = "help", Description = "Help" }], ct);
        var callback = await rig.Rest.CreateInteractionResponseAsync("500000000000000001", "tok/en?x",
            InteractionResponse.Choices([CommandChoice.Of("one", "1"), CommandChoice.Of("two", 2)]), ct);
        var edit = await rig.Rest.EditOriginalResponseAsync("tok/en?x", new InteractionResponseData { Content = "done", Flags = MessageFlags.Ephemeral }, ct);
        var followup = await rig.Rest.CreateFollowupAsync("tok/en?x", new InteractionResponseData { Content = "more" }, ct);

        Assert.StartsWith("ws://127.0.0.1:", gateway.Value.Url, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Value.SessionStartLimit.MaxConcurrency);
        Assert.Equal(rig.Fake.DmChannelOf("300000000000000001"), dm.Value.Id);
        Assert.Equal("help", Assert.Single(commands.Value).Name);
        Assert.NotNull(commands.Value[0].Id);
        Assert.True(callback.IsSuccess, callback.ToString());
        Assert.Equal("done", edit.Value.Content);
        Assert.Equal("more", followup.Value.Content);
        var calls = rig.Fake.InteractionCalls;
        Assert.Equal("""{"type":8,"data":{"allowed_mentions":{"parse":[]},"choices":[{"name":"one","value":"1"},{"name":"two","value":2}]}}""",
            calls[0].Body.ToJsonString());
        Assert.All(calls, c => Assert.Equal("tok/en?x", c.Token));
        Assert.Equal(64, calls[1].Body["flags"]!.GetValue<int>());
        Assert.DoesNotContain("tok/en", rig.Log.All, StringComparison.Ordinal);
    }
}
