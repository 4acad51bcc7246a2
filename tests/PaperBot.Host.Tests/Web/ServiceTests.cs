using System.Text.Json;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Web;

/// <summary><c>paperbot run</c> in-process against loopback fakes of the sources: start-up catch-up, /healthz,
/// /status, /metrics, clean stop.</summary>
public sealed class ServiceTests : IAsyncLifetime
{
    private const string PausedAddress = "reader@example.org";
    private readonly CliHarness _cli = new();
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync();
        _server.On("/api/daily_papers", FixtureResponse.File("sources/hf-daily-papers.json", "application/json"));
        _server.On("/journal.xml", FixtureResponse.Code(500));
        _cli.Config["Sources:Http:RetryCount"] = "0";
        _cli.Config["Sources:HuggingFace:BaseUrl"] = _server.BaseUri.ToString();
        _cli.Config["Sources:Feeds:0:Name"] = "broken-journal";
        _cli.Config["Sources:Feeds:0:Url"] = _server.Url("/journal.xml").ToString();
        _cli.Config["Web:Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task The_service_reports_a_stale_source_and_paused_subscriptions_publicly_without_details_and_fully_on_status()
    {
        var now = DateTimeOffset.UtcNow;
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.DatabasePath)!);
        using (var context = LiteDbContext.Open(_cli.DatabasePath))
        {
            var subscriptions = new LiteDbSubscriptionStore(context);
            subscriptions.Add(new Subscription
            {
                Id = "s-paused", Subscriber = Subscriber.DiscordChannel("1", "2"), Query = "diffusion", Confirmed = true,
                PausedReason = "delivery failed permanently at 2026-01-01 10:00Z: Unknown Channel (10003)",
            });
            subscriptions.Add(new Subscription
            {
                Id = "s-bounced", Subscriber = Subscriber.Email(PausedAddress), Query = "diffusion", Confirmed = true,
                PausedReason = $"delivery failed permanently at 2026-01-01 10:00Z: 550 5.1.1 <{PausedAddress}>: user unknown",
            });
            // The feed (hourly) last worked two days ago: far past two schedule periods.
            new LiteDbSourceStateStore(context).Put(new SourceState
            {
                Source = "broken-journal", LastRunAt = now.AddDays(-2), LastSuccessAt = now.AddDays(-2), FailingSince = now.AddDays(-2).AddHours(1),
                LastErrorAt = now.AddDays(-2).AddHours(1), LastError = "GET x answered 500", ConsecutiveFailures = 47, BaselineRecorded = true,
            });
        }
        using var stop = new CancellationTokenSource();
        var service = _cli.RunAsync(stop.Token, "run");
        using var http = new HttpClient();
        var baseUrl = new Uri(_cli.Config["Web:Urls"]!);

        string? publicBody = null;
        for (var attempt = 0; attempt < 100 && !service.IsCompleted && publicBody is null; attempt++)
        {
            await Task.Delay(200);
            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl, "/healthz"));
                var body = await response.Content.ReadAsStringAsync();
                using var json = JsonDocument.Parse(body);
                var sources = Sources(json.RootElement);
                // Both start-up catch-up runs are done.
                if (sources["huggingface"].TryGetProperty("lastSuccessAt", out _) && sources["broken-journal"].GetProperty("consecutiveFailures").GetInt32() == 48)
                {
                    Assert.Equal(200, (int)response.StatusCode);
                    publicBody = body;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
        Assert.True(publicBody is not null, "the service never reported both sources: " + (service.IsCompleted ? (await service).Err : "still running"));
        using (var health = JsonDocument.Parse(publicBody))
        {
            var root = health.RootElement;
            Assert.Equal("degraded", root.GetProperty("status").GetString());
            var components = root.GetProperty("components");
            Assert.True(components.GetProperty("database").GetProperty("open").GetBoolean());
            Assert.True(components.GetProperty("database").GetProperty("sizeBytes").GetInt64() > 0);
            Assert.True(components.GetProperty("scheduler").GetProperty("running").GetBoolean());
            Assert.True(components.GetProperty("scheduler").GetProperty("nextFireTimes").TryGetProperty("dispatch-every-30s", out _));
            Assert.Equal("degraded", components.GetProperty("sources").GetProperty("status").GetString());
            var sources = Sources(root);
            Assert.True(sources["broken-journal"].GetProperty("stale").GetBoolean());
            Assert.Equal("http-500", sources["broken-journal"].GetProperty("lastErrorKind").GetString());
            Assert.False(sources["huggingface"].GetProperty("stale").GetBoolean());
            var subscriptions = components.GetProperty("subscriptions");
            Assert.Equal(2, subscriptions.GetProperty("paused").GetInt32());
            Assert.Equal(1, subscriptions.GetProperty("pausedReasons").GetProperty("discordChannel: Unknown Channel (10003)").GetInt32());
            Assert.Equal(1, subscriptions.GetProperty("pausedReasons").GetProperty("email: rejected permanently").GetInt32());
        }
        // Public: no address, no server text, no URL, no path.
        Assert.DoesNotContain(PausedAddress, publicBody, StringComparison.Ordinal);
        Assert.DoesNotContain("user unknown", publicBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.BaseUri.Authority, publicBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Dir.Path, publicBody, StringComparison.Ordinal);

        // The operator's /status, from this machine, has the details.
        var status = await http.GetStringAsync(new Uri(baseUrl, "/status"));
        Assert.Contains(PausedAddress, status, StringComparison.Ordinal);
        Assert.Contains("answered 500", status, StringComparison.Ordinal);
        Assert.Contains(JsonEncodedText.Encode(_cli.DatabasePath).ToString(), status, StringComparison.Ordinal);
        // The notice job opened the incidents: the source failing for two days and both paused targets (Discord is off: nobody told yet).
        JsonElement[] incidents = [];
        for (var attempt = 0; attempt < 50 && incidents.Length < 3; attempt++)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(baseUrl, "/status")));
            incidents = [.. document.RootElement.GetProperty("incidents").EnumerateArray().Select(i => i.Clone())];
            if (incidents.Length < 3) await Task.Delay(200);
        }
        Assert.Equal(["sourceFailing broken-journal", "targetPaused discord-channel:1", $"targetPaused email:{PausedAddress}"],
            incidents.Select(i => $"{i.GetProperty("kind").GetString()} {i.GetProperty("subject").GetString()}").Order(StringComparer.Ordinal));
        Assert.All(incidents, i => Assert.Equal(0, i.GetProperty("notices").GetInt32()));

        // Relayed by a proxy, it is not local, whatever the socket says.
        using (var relayed = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, "/status")))
        {
            relayed.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var response = await http.SendAsync(relayed);
            Assert.Equal(404, (int)response.StatusCode);
        }

        var metrics = await http.GetStringAsync(new Uri(baseUrl, "/metrics"));
        // The names the README lists, each at the start of its line (the exporter prefixes the meter's name).
        Assert.Contains("\npaperbot_core_papers_ingested{source=\"huggingface\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("\npaperbot_core_ingest_duration_seconds_sum", metrics, StringComparison.Ordinal);
        Assert.Contains("\npaperbot_host_outbox_items{", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("_paperbot_", metrics, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", metrics, StringComparison.Ordinal);

        await stop.CancelAsync();
        var run = await service.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, run.ExitCode);
    }

    private static Dictionary<string, JsonElement> Sources(JsonElement root) =>
        root.GetProperty("components").GetProperty("sources").GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("source").GetString()!);
}
