using System.Text.Json;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Web;

/// <summary><c>paperbot run</c> in-process against loopback fakes of the sources: start-up catch-up, /healthz, clean stop.</summary>
public sealed class ServiceTests : IAsyncLifetime
{
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
    public async Task The_service_catches_up_at_start_reports_failing_sources_and_paused_subscriptions_and_stops_cleanly()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.DatabasePath)!);
        using (var context = LiteDbContext.Open(_cli.DatabasePath))
        {
            new LiteDbSubscriptionStore(context).Add(new Subscription
            {
                Id = "s-paused", Subscriber = Subscriber.DiscordChannel("1", "2"), Query = "diffusion", Confirmed = true,
                PausedReason = "Unknown Channel (10003)",
            });
        }
        using var stop = new CancellationTokenSource();
        var service = _cli.RunAsync(stop.Token, "run");
        using var http = new HttpClient();
        var healthUrl = new Uri(new Uri(_cli.Config["Web:Urls"]!), "/healthz");

        JsonDocument? health = null;
        for (var attempt = 0; attempt < 100 && !service.IsCompleted; attempt++)
        {
            await Task.Delay(200);
            try
            {
                using var response = await http.GetAsync(healthUrl);
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var sources = body.RootElement.GetProperty("sources");
                if (sources.GetArrayLength() == 2) { health = body; break; }
                body.Dispose();
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
        Assert.True(health is not null, "the service never reported both sources: " + (service.IsCompleted ? (await service).Err : "still running"));
        using (health)
        {
            var root = health.RootElement;
            Assert.Equal("degraded", root.GetProperty("status").GetString());
            Assert.True(root.GetProperty("database").GetBoolean());
            Assert.True(root.GetProperty("scheduler").GetBoolean());
            var sources = root.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
            Assert.True(sources["huggingface"].TryGetProperty("lastSuccessAt", out _));
            Assert.Contains("500", sources["broken-journal"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Contains("s-paused: Unknown Channel (10003)", root.GetProperty("pausedSubscriptions")[0].GetString(), StringComparison.Ordinal);
        }

        await stop.CancelAsync();
        var run = await service.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, run.ExitCode);
    }
}
