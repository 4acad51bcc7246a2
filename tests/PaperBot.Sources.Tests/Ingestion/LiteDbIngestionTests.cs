using Microsoft.Extensions.DependencyInjection;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Ingestion;

/// <summary>The registered sources over real HTTP into the real LiteDB stores.</summary>
public sealed class LiteDbIngestionTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _db.Dispose();
    }

    private ServiceProvider Services()
    {
        var (sources, errors) = SourcesHost.Load(new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:Enabled"] = "true",
            ["Sources:HuggingFace:BaseUrl"] = _server.BaseUri.ToString(),
            ["Sources:ArxivRss:Enabled"] = "true",
            ["Sources:ArxivRss:BaseUrl"] = _server.BaseUri.ToString(),
            ["Sources:ArxivRss:Categories:0"] = "cs.AI",
        });
        Assert.Empty(errors);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IPaperStore>(_db.Papers);
        services.AddSingleton<ISourceStateStore>(_db.SourceStates);
        services.AddSingleton<IAlertQueue>(_db.Outbox);
        services.AddSingleton<PaperBot.Core.Search.IPaperIndexer>(new NoSearchIndex());
        services.AddSingleton<IPaperMatcher>(new MatchEverything());
        services.AddSingleton<TimeProvider>(_db.Time);
        services.AddSingleton<PaperIntake>();
        services.AddTransient<IngestionService>();
        return services.AddPaperSources(sources).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task Two_polls_store_one_merged_record_per_paper_remember_validators_and_alert_only_after_the_baseline()
    {
        _server.On("/api/daily_papers", FixtureResponse.File("sources/hf-daily-papers.json", "application/json"));
        _server.On("/rss/cs.AI", r => r.Header("If-None-Match") == "\"r1\""
            ? FixtureResponse.Code(304)
            : FixtureResponse.File("sources/arxiv-rss-cs.AI.xml", "application/rss+xml").WithHeader("ETag", "\"r1\""));
        using var services = Services();

        var first = await services.GetRequiredService<IngestionService>().RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        _db.Time.Advance(TimeSpan.FromHours(1));
        var second = await services.GetRequiredService<IngestionService>().RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal([(3, 0, true), (3, 1, true)], first.Sources.Select(s => (s.New, s.Updated, s.Baseline)));
        Assert.Equal(6, _db.Papers.Count());
        var merged = _db.Papers.Find(PaperId.Parse("2402.12345"))!;
        Assert.Equal((41, 1), (merged.Upvotes, merged.Version));
        Assert.Equal(["cs.AI", "cs.LG"], merged.Categories);
        Assert.Equal([PaperSources.HuggingFace, PaperSources.ArxivRss], merged.Sources.Select(s => s.Source));

        Assert.Equal((0, 0, 3), (second.Sources[0].New, second.Sources[0].Updated, second.Sources[0].Unchanged));
        Assert.True(second.Sources[1].NotModified);
        var rss = _db.SourceStates.Get(PaperSources.ArxivRss);
        Assert.Equal("\"r1\"", Assert.Single(rss.ETags).Value);
        Assert.Equal(_db.Time.GetUtcNow(), rss.LastSuccessAt);
        Assert.Empty(_db.Outbox.Pending(10));
    }
}
