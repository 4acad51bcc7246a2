using PaperBot.EndToEnd.Harness;
using PaperBot.Testing.Discord;

namespace PaperBot.EndToEnd;

/// <summary>Discord answering 429s of every scope and 5xx at the running process, and its Gateway closing.</summary>
public sealed class DiscordFaultTests
{
    [Fact]
    public async Task Storms_of_429s_and_a_5xx_are_waited_out_and_retried_until_every_channel_has_its_alert_once_with_the_failure_in_healthz()
    {
        await using var d = await Deployment.CreateAsync(seed: 42);
        await d.StartWithBaselineAsync();
        foreach (var channel in new[] { "521", "522", "523" }) await d.SubscribeChannelAsync(channel, "diffusion");
        d.Discord.Inject("^POST /channels/521/messages$", FakeDiscordFault.RateLimit("user", TimeSpan.FromMilliseconds(400)), times: 5);
        d.Discord.Inject("^POST /channels/522/messages$", FakeDiscordFault.RateLimit("global", TimeSpan.FromMilliseconds(300)), times: 3);
        d.Discord.Inject("^POST /channels/522/messages$", FakeDiscordFault.RateLimit("shared", TimeSpan.FromMilliseconds(300)), times: 2, after: 0);
        d.Discord.Inject("^POST /channels/523/messages$", FakeDiscordFault.ServerError(502), times: 1);

        var paper = d.Shelf.Publish(ShelfSource.HuggingFace, "Diffusion in a storm", "About diffusion.", "diffusion");

        await d.EventuallyAsync(async () => (await d.Process!.HealthAsync()).Component("discord").TryGetProperty("last_rest_failure", out _),
            TimeSpan.FromSeconds(20), "the 5xx in /healthz");
        await d.EventuallyAsync(() => new[] { "521", "522", "523" }.All(c => Delivered.ToDiscordChannel(d, c).Count == 1),
            TimeSpan.FromSeconds(60), "every channel's alert");
        await Task.Delay(TimeSpan.FromSeconds(2));

        foreach (var channel in new[] { "521", "522", "523" }) Assert.Equal([paper.Serial], Delivered.ToDiscordChannel(d, channel));
        Assert.Equal(10, d.Discord.Injected429s);
        Assert.Equal(0, d.Discord.Unexpected429s);
        using var http = new HttpClient { BaseAddress = d.WebUri };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("paperbot_discord_rate_limited", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_closed_with_a_resumable_code_is_resumed_and_one_closed_with_4004_stops_only_discord_degraded_in_healthz()
    {
        await using var d = await Deployment.CreateAsync(seed: 43);
        d.Environment["PAPERBOT_Discord__Transport"] = "Gateway";
        await d.StartWithBaselineAsync();
        await d.SubscribeEmailAsync("grace@example.org", "graph");

        var first = await d.Discord.NextGatewayConnectionAsync();
        await first.HelloAsync(41_250);
        Assert.Equal(2, (await first.ReceiveAsync()).GetProperty("op").GetInt32()); // Identify
        await first.ReadyAsync(1, "session-e2e", d.Discord.GatewayUrl);
        await first.CloseAsync(4000, "Unknown error");

        var second = await d.Discord.NextGatewayConnectionAsync();
        await second.HelloAsync(41_250);
        var resume = await second.ReceiveAsync();
        Assert.Equal(6, resume.GetProperty("op").GetInt32());
        Assert.Equal("session-e2e", resume.GetProperty("d").GetProperty("session_id").GetString());
        await second.CloseAsync(4004, "Authentication failed.");

        await d.EventuallyAsync(async () => (await d.Process!.HealthAsync()).ComponentStatus("discord") == "degraded", TimeSpan.FromSeconds(20),
            "Discord degraded after 4004");
        var health = await d.Process!.HealthAsync();
        Assert.Equal("degraded", health.Status);
        Assert.Equal(200, health.HttpStatus); // not a restart loop for the container
        Assert.Equal("Stopped", health.Component("discord").GetProperty("connection").GetString());
        Assert.Contains("4004", health.Component("discord").GetProperty("connection_detail").GetString(), StringComparison.Ordinal);

        // Everything else goes on: a new paper still reaches email, and the gateway is not dialled again.
        var paper = d.Shelf.Publish(ShelfSource.Journal, "Graph after a fatal close", "About graph.", "graph");
        await d.EventuallyAsync(() => Delivered.ToEmail(d, "grace@example.org").Count == 1, TimeSpan.FromSeconds(20), "the email alert");
        Assert.Equal([paper.Serial], Delivered.ToEmail(d, "grace@example.org"));
        var again = d.Discord.NextGatewayConnectionAsync();
        Assert.NotSame(again, await Task.WhenAny(again, Task.Delay(TimeSpan.FromSeconds(2)))); // not dialled again after 4004
    }
}
