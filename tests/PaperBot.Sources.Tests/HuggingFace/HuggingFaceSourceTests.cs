using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.HuggingFace;

public sealed class HuggingFaceSourceTests : IAsyncLifetime
{
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HuggingFaceSource Source() => SourcesHost.Build(new()
    {
        ["Sources:HuggingFace:Enabled"] = "true",
        ["Sources:HuggingFace:BaseUrl"] = _server.BaseUri.ToString(),
    }).GetRequiredService<HuggingFaceSource>();

    [Fact]
    public async Task A_backfill_asks_for_each_day_of_the_range()
    {
        _server.On("/api/daily_papers", r => r.Query.Contains("date=2025-09-08", StringComparison.Ordinal)
            ? FixtureResponse.File("sources/hf-daily-papers.json", "application/json")
            : FixtureResponse.Text("[]", "application/json"));
        var source = Source();

        var result = await source.FetchAsync(FetchRequest.ForRange(new DateOnly(2025, 9, 6), new DateOnly(2025, 9, 8)), CancellationToken.None);

        Assert.Equal(["?date=2025-09-06&limit=100", "?date=2025-09-07&limit=100", "?date=2025-09-08&limit=100"], _server.RequestsTo("/api/daily_papers").Select(r => r.Query));
        Assert.Equal(3, result.Papers.Count);
        Assert.All(result.Papers, p => Assert.True(p.AlertEligible));
        Assert.Equal(PaperSources.HuggingFace, source.Name);
    }

    [Fact]
    public async Task A_failing_day_fails_the_backfill_with_its_url()
    {
        _server.On("/api/daily_papers", r => r.Query.Contains("date=2025-09-07", StringComparison.Ordinal)
            ? FixtureResponse.Text("{\"error\":\"bad\"}", "application/json")
            : FixtureResponse.Text("[]", "application/json"));
        var source = Source();

        var result = await source.FetchAsync(FetchRequest.ForRange(new DateOnly(2025, 9, 6), new DateOnly(2025, 9, 8)), CancellationToken.None);

        Assert.Contains("date=2025-09-07", result.Error, StringComparison.Ordinal);
        Assert.Contains("Expected a JSON array", result.Error, StringComparison.Ordinal);
    }
}
