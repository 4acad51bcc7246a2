using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;
using PaperBot.Core;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Discord;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;
using PaperBot.Search;
using PaperBot.Search.Indexing;
using PaperBot.Storage;

namespace PaperBot.Benchmarks.Discord;

/// <summary>
/// (b) Signed interactions over HTTP to the real endpoint on Kestrel loopback, many at once: time to the initial
/// response (signature check, parsing, routing, the command, the JSON answer). Baseline in the same run: the same
/// requests to an endpoint that answers PONG without reading them (HTTP's own cost on this machine).
/// </summary>
public sealed class InteractionsBenchmark : IBenchmark
{
    private const string Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string PublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    public string Name => "discord-interactions";
    public string Description => "1,000 signed interactions, 100 concurrent, to POST /discord/interactions: p50/p99 to the first response (--quick: 200, 20)";

    public async Task<bool> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var (count, concurrency) = quick ? (200, 20) : (1000, 100);
        var folder = Path.Combine(Path.GetTempPath(), "paperbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = await StartAsync(Path.Combine(folder, "paperbot.db"));
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            // Each signature is accepted once (a replay is refused): the warm-up gets bodies of its own.
            var all = Bodies(count + concurrency);
            var bodies = all.Skip(concurrency).ToList();
            await RunAsync(http, all.Take(concurrency).ToList(), 0, concurrency, InteractionEndpoint.Route);
            var real = await RunAsync(http, bodies, concurrency, concurrency, InteractionEndpoint.Route);
            var baseline = await RunAsync(http, bodies, concurrency, concurrency, "/baseline");
            Console.WriteLine($"interactions  n={count} concurrency={concurrency}  p50 {real.P50:F1} ms  p99 {real.P99:F1} ms  errors {real.Errors}  ({real.Seconds:F2} s)");
            foreach (var kind in real.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
                Console.WriteLine($"  {kind.Key,-8} p50 {kind.Value.P50:F1} ms  p99 {kind.Value.P99:F1} ms");
            Console.WriteLine($"baseline PONG n={count} concurrency={concurrency}  p50 {baseline.P50:F1} ms  p99 {baseline.P99:F1} ms");
            Console.WriteLine($"target p99 <= 100 ms: {(real.P99 <= 100 ? "met" : "MISSED")}");
            return real.Errors == 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(double P50, double P99, int Errors, double Seconds, IReadOnlyDictionary<string, (double P50, double P99)> ByKind);

    private static string KindOf(int i) => i % 4 == 0 ? "ping" : Commands[i % 3].Split('"')[3];

    private static readonly string[] Commands =
    [
        """{"name":"help"}""",
        """{"name":"search","options":[{"name":"query","type":3,"value":"diffusion model"}]}""",
        """{"name":"latest","options":[{"name":"count","type":4,"value":5}]}""",
    ];

    /// <summary>A mix as a server sees it: PINGs, /help, /search and /latest, each with its own id and signature.</summary>
    private static List<(string Timestamp, string Body, string Signature)> Bodies(int count)
    {
        var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Seed), KeyBlobFormat.RawPrivateKey);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var body = i % 4 == 0
                ? $$"""{"type":1,"id":"{{i}}","token":"t{{i}}"}"""
                : $$"""{"type":2,"id":"{{i}}","application_id":"1","token":"t{{i}}","guild_id":"5","channel_id":"6","member":{"user":{"id":"{{i % 50}}"},"permissions":"16"},"data":{{Commands[i % 3]}}}""";
            var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(ts + body)));
            return (ts, body, signature);
        })];
    }

    private static async Task<Result> RunAsync(HttpClient http, IReadOnlyList<(string Timestamp, string Body, string Signature)> bodies, int offset, int concurrency, string route)
    {
        var latencies = new double[bodies.Count];
        var errors = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
            {
                var (ts, body, signature) = bodies[i];
                using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add(InteractionSignature.TimestampHeader, ts);
                request.Headers.Add(InteractionSignature.SignatureHeader, signature);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }));
        var byKind = Enumerable.Range(0, bodies.Count).GroupBy(i => KindOf(i + offset))
            .ToDictionary(g => g.Key, g => Percentiles([.. g.Select(i => latencies[i])]));
        var (p50, p99) = Percentiles(latencies);
        return new Result(p50, p99, errors, total.Elapsed.TotalSeconds, byKind);
    }

    private static (double P50, double P99) Percentiles(double[] values)
    {
        Array.Sort(values);
        return (values[(int)(values.Length * 0.5)], values[Math.Min(values.Length - 1, (int)(values.Length * 0.99))]);
    }

    /// <summary>The interaction side as <c>run</c> composes it, over a fresh database with some papers.</summary>
    private static async Task<WebApplication> StartAsync(string databasePath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var options = new DiscordOptions { Token = "bench", ApplicationId = "1", PublicKey = PublicKey, Transport = DiscordTransport.Http };
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPaperBotCore(new DeliveryOptions());
        builder.Services.AddPaperBotStorage(new StorageOptions { Path = databasePath });
        builder.Services.AddPaperSearch(SearchIndex.PathFor(databasePath));
        builder.Services.AddSingleton<DiscordStatus>();
        builder.Services.AddSingleton<IDiscordRestClient, UnusedRest>();
        builder.Services.AddPaperBotDiscordInteractions(options);
        var app = builder.Build();
        app.MapDiscordInteractions();
        app.MapPost("/baseline", () => Results.Text("{\"type\":1}", "application/json"));
        var papers = app.Services.GetRequiredService<Core.Storage.IPaperStore>();
        var stored = papers.Save([.. Enumerable.Range(1, 2000).Select(i => new Paper
        {
            Id = PaperId.Parse($"2501.{i:D5}"),
            Title = $"A diffusion model for task {i}",
            Abstract = "We study diffusion models and language models on many tasks.",
            FirstSeenAt = DateTimeOffset.UtcNow,
        })], PaperSources.Arxiv);
        app.Services.GetRequiredService<IPaperIndexer>().Index([.. stored.New]);
        await app.StartAsync();
        return app;
    }

    /// <summary>Inline answers never call Discord; a deferral would, and would fail the run loudly.</summary>
    private sealed class UnusedRest : IDiscordRestClient
    {
        private static Task<DiscordResult<T>> Fail<T>() => Task.FromResult(DiscordResult<T>.Failure(new DiscordError.Other(0, 0, "not in this benchmark")));

        public Task<DiscordResult<Message>> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken ct) => Fail<Message>();
        public Task<DiscordResult<Channel>> CreateDmAsync(string userId, CancellationToken ct) => Fail<Channel>();
        public Task<DiscordResult<GatewayBot>> GetGatewayBotAsync(CancellationToken ct) => Fail<GatewayBot>();
        public Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGlobalCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) => Fail<IReadOnlyList<ApplicationCommand>>();
        public Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGuildCommandsAsync(string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) => Fail<IReadOnlyList<ApplicationCommand>>();
        public Task<DiscordResult<NoContent>> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct) => Fail<NoContent>();
        public Task<DiscordResult<Message>> EditOriginalResponseAsync(string interactionToken, InteractionResponseData data, CancellationToken ct) => Fail<Message>();
        public Task<DiscordResult<Message>> CreateFollowupAsync(string interactionToken, InteractionResponseData data, CancellationToken ct) => Fail<Message>();
    }
}
