using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Http;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Arxiv;

public sealed class ArxivPolitenessTests
{
    [Fact]
    public async Task Api_requests_reach_the_server_at_least_three_seconds_apart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 2, 24, 0, 0, 0, TimeSpan.Zero));
        await using var server = await FixtureHttpServer.StartAsync(time);
        server.On("/api/query", r => FixtureResponse.File(
            r.Query.Contains("&start=0&", StringComparison.Ordinal) ? "sources/arxiv-api-page1.atom" : "sources/arxiv-api-page2.atom", "application/atom+xml"));
        using var spacer = new RequestSpacer(ArxivOptions.PoliteInterval, time);
        using var http = new HttpClient(new SpacingHandler(spacer) { InnerHandler = new SocketsHttpHandler() });
        var source = new ArxivApiSource(http,
            Options.Create(new ArxivOptions { Enabled = true, BaseUrl = server.BaseUri.ToString(), Categories = ["cs.CL"], PageSize = 3 }),
            Options.Create(new SourceHttpOptions()), InMemoryPaperStore.Merging(time), time);

        // Two backfill runs: four requests that each must wait for the previous one's 3 s.
        var backfill = FetchRequest.ForDay(new DateOnly(2024, 1, 2));
        var run = Task.Run(async () =>
        {
            await source.FetchAsync(backfill, CancellationToken.None);
            await source.FetchAsync(backfill, CancellationToken.None);
        });
        while (!run.IsCompleted)
        {
            await Task.Delay(5);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }
        await run;

        var at = server.Requests.Select(r => r.At).ToArray();
        Assert.Equal(4, at.Length);
        for (var i = 1; i < at.Length; i++)
            Assert.True(at[i] - at[i - 1] >= TimeSpan.FromSeconds(3), $"request {i} came {(at[i] - at[i - 1]).TotalSeconds} s after the previous one");
    }

    [Fact]
    public async Task The_first_request_does_not_wait_and_the_next_waits_the_interval_after_it_finished()
    {
        var time = new FakeTimeProvider();
        using var spacer = new RequestSpacer(TimeSpan.FromSeconds(3), time);

        var first = spacer.WaitTurnAsync(CancellationToken.None);
        var second = spacer.WaitTurnAsync(CancellationToken.None);
        Assert.True(first.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(10)); // the first request is slow
        Assert.False(second.IsCompleted);

        (await first).Dispose();
        time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:00:02.999")]
    public void A_configured_interval_under_three_seconds_is_rejected_at_start(string interval)
    {
        var errors = SourcesHost.Errors(new()
        {
            ["Sources:Arxiv:Enabled"] = "true",
            ["Sources:Arxiv:Categories:0"] = "cs.CL",
            ["Sources:Arxiv:MinInterval"] = interval,
        });
        Assert.Contains("Sources:Arxiv:MinInterval: must be at least 00:00:03", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registered_arxiv_client_spaces_requests_by_the_configured_interval()
    {
        using var services = SourcesHost.Build(new()
        {
            ["Sources:Arxiv:Enabled"] = "true",
            ["Sources:Arxiv:Categories:0"] = "cs.CL",
            ["Sources:Arxiv:MinInterval"] = "00:00:05",
        });

        Assert.Equal(TimeSpan.FromSeconds(5), services.GetRequiredKeyedService<RequestSpacer>(PaperSources.Arxiv).Interval);
        Assert.IsType<ArxivApiSource>(Assert.Single(services.GetServices<IPaperSource>()));
    }
}
