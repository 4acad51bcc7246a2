using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Discord;

/// <summary><c>paperbot run</c> in-process with <c>Discord:ApiBaseUrl</c> at the fake Discord: it registers the
/// commands, answers a command over either transport, and delivers channel and DM alerts.</summary>
public sealed class DiscordServiceTests : IAsyncLifetime
{
    private const string Channel = "200000000000000001";
    private const string Guild = "400000000000000001";
    private const string User = "300000000000000001";
    private const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string PublicKeyHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    private readonly CliHarness _cli = new();
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _cli.Config["Web:Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        _cli.Config["Sources:HuggingFace:Enabled"] = "false";
        _cli.UseDiscord(_discord);
        _cli.Config["Discord:PublicKey"] = PublicKeyHex;
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _cli.Dispose();
    }

    /// <summary>Two subscriptions (a channel and a DM) and a matching paper stored but not yet matched: the service
    /// matches it on start and its first dispatch delivers it.</summary>
    private void Seed()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.DatabasePath)!);
        using var context = LiteDbContext.Open(_cli.DatabasePath);
        var subscriptions = new LiteDbSubscriptionStore(context);
        foreach (var (id, who) in new[] { ("s-channel", Subscriber.DiscordChannel(Channel, Guild)), ("s-dm", Subscriber.DiscordUser(User)) })
            subscriptions.Add(new Subscription { Id = id, Subscriber = who, Query = "diffusion", Mode = DeliveryMode.Instant, Confirmed = true, CreatedAt = DateTimeOffset.UtcNow });
        var paper = new Paper { Id = PaperId.Parse("2603.00001"), Title = "Diffusion models @everyone should read", Abstract = "About diffusion." };
        new LiteDbPaperStore(context, TimeProvider.System).Save([paper], PaperSources.Arxiv, new HashSet<PaperId> { paper.Id });
    }

    private static async Task Until(Func<bool> done, Task service, string what)
    {
        for (var i = 0; i < 300 && !done(); i++)
        {
            Assert.False(service.IsCompleted, "the service stopped before " + what);
            await Task.Delay(100);
        }
        Assert.True(done(), "never happened: " + what);
    }

    [Theory]
    [InlineData("Http")]
    [InlineData("Gateway")]
    public async Task The_service_registers_commands_answers_help_and_delivers_channel_and_dm_alerts(string transport)
    {
        _cli.Config["Discord:Transport"] = transport;
        Seed();
        using var stop = new CancellationTokenSource();
        var service = _cli.RunAsync(stop.Token, "run");

        await Until(() => _discord.CommandPuts.Count == 1, service, "the commands were registered");
        var help = """{"type":2,"id":"500000000000000001","application_id":"100000000000000001","token":"tok","channel_id":"200000000000000001","guild_id":"400000000000000001","member":{"user":{"id":"901"},"permissions":"0"},"data":{"id":"2","name":"help"}}""";
        if (transport == "Http")
        {
            using var answer = await PostSignedAsync(help);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(4, json.RootElement.GetProperty("type").GetInt32());
            Assert.Contains("/subscribe", json.RootElement.GetProperty("data").GetRawText(), StringComparison.Ordinal);
        }
        else
        {
            var gateway = await _discord.NextGatewayConnectionAsync();
            await gateway.HelloAsync(45_000);
            Assert.Equal(2, (await gateway.ReceiveAsync()).GetProperty("op").GetInt32());
            await gateway.ReadyAsync(1, "session-1", _discord.GatewayUrl);
            await gateway.DispatchAsync("INTERACTION_CREATE", 2, help);
            await Until(() => _discord.InteractionCalls.Any(c => c.InteractionIdOrApplication == "500000000000000001"), service, "help was answered over the callback route");
            Assert.Equal(4, _discord.InteractionCalls.Single().Body["type"]!.GetValue<int>());
        }

        await Until(() => _discord.MessagesIn(Channel).Count == 1 && _discord.DmChannelOf(User) is { } dm && _discord.MessagesIn(dm).Count == 1,
            service, "the channel and the DM got their alert");
        var posted = _discord.MessagesIn(Channel).Single();
        Assert.NotNull(posted.Nonce);
        Assert.Empty(posted.Body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains("Diffusion", posted.Embeds.ToJsonString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, (await service.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(SeedHex), KeyBlobFormat.RawPrivateKey);
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));
        using var http = new HttpClient { BaseAddress = new Uri(_cli.Config["Web:Urls"]!) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        request.Headers.Add("X-Signature-Ed25519", signature);
        return await http.SendAsync(request);
    }
}
