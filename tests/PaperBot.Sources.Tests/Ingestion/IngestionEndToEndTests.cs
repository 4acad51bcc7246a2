using Microsoft.Extensions.DependencyInjection;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Ingestion;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Ingestion;

/// <summary>The registered sources over real HTTP, driven by the ingestion service.</summary>
public sealed class IngestionEndToEndTests : IAsyncLifetime
{
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_broken_feed_fails_alone_while_hugging_face_and_arxiv_rss_are_ingested()
    {
        _server.On("/api/daily_papers", FixtureResponse.File("sources/hf-daily-papers.json", "application/json"));
        _server.On("/rss/cs.AI", FixtureResponse.File("sources/arxiv-rss-cs.AI.xml", "application/rss+xml").WithHeader("ETag", "\"r1\""));
        _server.On("/broken.rss", FixtureResponse.File("sources/html-error-page.html", "text/html"));
        var f = new IngestionFixture();
        using var services = SourcesHost.Build(new()
        {
            ["Sources:HuggingFace:Enabled"] = "true",
            ["Sources:HuggingFace:BaseUrl"] = _server.BaseUri.ToString(),
            ["Sources:ArxivRss:Enabled"] = "true",
            ["Sources:ArxivRss:BaseUrl"] = _server.BaseUri.ToString(),
            ["Sources:ArxivRss:Categories:0"] = "cs.AI",
            ["Sources:Feeds:0:Name"] = "broken",
            ["Sources:Feeds:0:Url"] = _server.Url("broken.rss").ToString(),
        }, f);
        var service = services.GetRequiredService<IngestionService>();

        var report = await service.RunAsync(null, FetchRequest.Latest, notify: false, CancellationToken.None);

        Assert.Equal(["huggingface", "arxiv-rss", "broken"], report.Sources.Select(s => s.Source));
        Assert.Equal([3, 3], report.Sources.Take(2).Select(s => s.New));
        Assert.Equal(1, report.Sources[1].Updated); // 2402.12345 came from Hugging Face first
        Assert.Contains("HTML page", report.Sources[2].Error, StringComparison.Ordinal);
        Assert.Equal(6, f.Store.Count());
        Assert.True(f.States.Get("arxiv-rss").BaselineRecorded);
        Assert.Single(f.States.Get("arxiv-rss").ETags);
        Assert.Equal(1, f.States.Get("broken").ConsecutiveFailures);
        Assert.Empty(f.Outbox.Enqueued);
    }

    [Fact]
    public void Only_enabled_sources_are_registered_and_hugging_face_is_on_by_default()
    {
        using var services = SourcesHost.Build(new() { ["Sources:HuggingFace:Enabled"] = null });

        Assert.Equal(["huggingface"], services.GetServices<IPaperSource>().Select(s => s.Name));
    }
}
