using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord;
using PaperBot.Testing.Discord;

namespace PaperBot.Benchmarks.Discord;

/// <summary>
/// Issue 12 (a): alert messages through the real delivery channel and REST client to the fake Discord, which enforces
/// 50 requests/s globally and 5 per 5 s per channel, and injects a 429 every 100 messages. Measured: achieved rate,
/// 429s, wall time against the theoretical minimum (the first 50 go at once, then 50 per second). Baseline in the same
/// run: a naive client that sends as fast as it can and only waits when answered 429.
/// </summary>
public sealed class DiscordRestBenchmark : IBenchmark
{
    private const int Channels = 100;
    private const int Workers = 64;
    private const int InjectEvery = 100;

    public string Name => "discord-rest";
    public string Description => "10k alerts to a fake Discord at 50 req/s: rate, 429s, wall time vs the minimum (--quick: 500)";

    public async Task<bool> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var messages = quick ? 500 : 10_000;
        var baselineMessages = quick ? 150 : 1_000;

        var (wall, unexpected, injected, delivered) = await RunPaperBotAsync(messages);
        var minimum = TimeSpan.FromSeconds((messages - 50) / 50.0);
        var efficiency = minimum / wall;
        Console.WriteLine($"messages          {delivered:N0} of {messages:N0} delivered to {Channels} channels by {Workers} workers");
        Console.WriteLine($"wall time         {wall.TotalSeconds:F2} s; theoretical minimum {minimum.TotalSeconds:F2} s ({efficiency:P1} of the allowed rate)");
        Console.WriteLine($"achieved rate     {messages / wall.TotalSeconds:F1} messages/s (limit 50/s)");
        Console.WriteLine($"429s              {injected} injected by the fake, {unexpected} beyond those");

        var naive = await RunNaiveAsync(baselineMessages);
        Console.WriteLine($"baseline (naive)  {baselineMessages:N0} messages in {naive.Wall.TotalSeconds:F2} s, {naive.Unexpected429s} unexpected 429s " +
            $"({naive.Unexpected429s * 100.0 / baselineMessages:F0} per 100 messages, each an invalid request towards Discord's 10,000 per 10 min ban)");

        var ok = delivered == messages && unexpected == 0 && efficiency >= 0.95;
        Console.WriteLine($"target            ≥ 95% of the allowed rate and no 429 beyond the injected: {(ok ? "met" : "NOT met")}");
        return ok;
    }

    private static async Task<(TimeSpan Wall, int Unexpected, int Injected, int Delivered)> RunPaperBotAsync(int messages)
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        Inject(fake, messages);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddPaperBotDiscord(new DiscordOptions { Token = FakeDiscordServer.Token, ApplicationId = FakeDiscordServer.ApplicationId, ApiBaseUrl = fake.ApiBaseUrl })
            .BuildServiceProvider();
        var channel = services.GetServices<IDeliveryChannel>().Single();
        var batches = Enumerable.Range(0, messages).Select(Alert).ToList();

        var next = -1;
        var delivered = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                if (await channel.SendAsync(batches[i], CancellationToken.None) is DeliveryResult.Sent) Interlocked.Increment(ref delivered);
            }
        }));
        return (clock.Elapsed, fake.Unexpected429s, fake.Injected429s, delivered);
    }

    /// <summary>Sends the same rendered bodies with the same concurrency, ignoring every rate-limit header.</summary>
    private static async Task<(TimeSpan Wall, int Unexpected429s)> RunNaiveAsync(int messages)
    {
        await using var fake = await FakeDiscordServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(fake.ApiBaseUrl + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", FakeDiscordServer.Token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd(DiscordServiceCollectionExtensions.UserAgent);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < messages; i = Interlocked.Increment(ref next))
            {
                while (true)
                {
                    using var body = new StringContent("{\"content\":\"alert " + i + "\",\"allowed_mentions\":{\"parse\":[]}}", Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync($"channels/{ChannelOf(i)}/messages", body);
                    if ((int)response.StatusCode != 429) break;
                    var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    await Task.Delay(retryAfter);
                }
            }
        }));
        return (clock.Elapsed, fake.Unexpected429s);
    }

    private static void Inject(FakeDiscordServer fake, int messages)
    {
        string[] scopes = ["user", "global", "shared"];
        for (var k = 0; k < messages / InjectEvery; k++)
            fake.Inject("^POST /channels/", FakeDiscordFault.RateLimit(scopes[k % 3], TimeSpan.FromMilliseconds(100)), times: 1, after: InjectEvery - 1);
    }

    private static string ChannelOf(int i) => (300_000_000_000_000_000L + i % Channels).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static DeliveryBatch Alert(int i) => new(
        $"bench-{i}", BatchKind.Alert,
        new Subscription { Id = $"s-{i % Channels}", Subscriber = Subscriber.DiscordChannel(ChannelOf(i), "1"), Query = "diffusion", Confirmed = true },
        [new DigestEntry(new Paper
        {
            Id = PaperId.Parse($"2603.{i % 100_000:D5}"), Title = $"Paper {i} on diffusion models", Abstract = "We study diffusion models. " + new string('x', 400),
            Authors = ["Ann Author", "Bob Builder"], Upvotes = i % 50,
        }, [new MatchHit("title", "diffusion")], 1)],
        0, DateTimeOffset.UnixEpoch);
}
