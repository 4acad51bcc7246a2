using System.Text.Json;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Cli;

/// <summary>The ingest verb against a loopback server speaking the sources' real formats.</summary>
public sealed class IngestVerbTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FixtureHttpServer.StartAsync();
        _cli.Config["Sources:Http:RetryCount"] = "0";
        _cli.Config["Sources:HuggingFace:BaseUrl"] = _server.BaseUri.ToString();
        _cli.Config["Sources:ArxivRss:Enabled"] = "true";
        _cli.Config["Sources:ArxivRss:BaseUrl"] = _server.BaseUri.ToString();
        _cli.Config["Sources:ArxivRss:Categories:0"] = "cs.AI";
        _server.On("/api/daily_papers", FixtureResponse.File("sources/hf-daily-papers.json", "application/json"));
        _server.On("/rss/cs.AI", FixtureResponse.File("sources/arxiv-rss-cs.AI.xml", "application/rss+xml"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task The_first_run_records_a_baseline_and_the_second_adds_nothing()
    {
        var first = await _cli.RunAsync("ingest");
        var second = await _cli.RunAsync("ingest");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("huggingface: 3 new, 0 updated, 0 unchanged, 0 rejected (first poll: recorded as the baseline", first.Out, StringComparison.Ordinal);
        Assert.Contains("arxiv-rss: 3 new, 1 updated", first.Out, StringComparison.Ordinal);
        Assert.Contains("huggingface: 0 new, 0 updated, 3 unchanged", second.Out, StringComparison.Ordinal);
        Assert.Contains("arxiv-rss: 0 new, 0 updated, 4 unchanged", second.Out, StringComparison.Ordinal);

        using var latest = JsonDocument.Parse((await _cli.RunAsync("latest", "--json", "--count", "50")).Out);
        Assert.Equal(6, latest.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Hugging_face_the_arxiv_api_and_arxiv_rss_merge_into_one_record_per_paper()
    {
        _cli.Config["Sources:Arxiv:Enabled"] = "true";
        _cli.Config["Sources:Arxiv:BaseUrl"] = _server.BaseUri.ToString();
        _cli.Config["Sources:Arxiv:Categories:0"] = "cs.CL";
        _cli.Config["Sources:Arxiv:PageSize"] = "3";
        _server.On("/api/query", r => System.Web.HttpUtility.ParseQueryString(r.Query)["start"] == "3"
            ? FixtureResponse.File("sources/arxiv-api-page2.atom", "application/atom+xml")
            : FixtureResponse.File("sources/arxiv-api-page1.atom", "application/atom+xml"));

        var first = await _cli.RunAsync("ingest");
        var second = await _cli.RunAsync("ingest");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("\narxiv: 0 new, 0 updated, 3 unchanged", "\n" + second.Out, StringComparison.Ordinal);
        using var latest = JsonDocument.Parse((await _cli.RunAsync("latest", "--json", "--count", "100")).Out);
        var merged = latest.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "2402.12345");
        Assert.Equal(["arxiv", "arxiv-rss", "huggingface"], merged.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source").GetString()).Order());
        Assert.Equal(2, merged.GetProperty("version").GetInt32());
        Assert.Equal(41, merged.GetProperty("upvotes").GetInt32());
        Assert.Equal(1, latest.RootElement.EnumerateArray().Count(p => p.GetProperty("id").GetString() == "2402.12345"));
    }

    [Fact]
    public async Task A_failing_source_is_reported_and_the_others_still_run()
    {
        _cli.Config["Sources:Feeds:0:Name"] = "broken-journal";
        _cli.Config["Sources:Feeds:0:Url"] = _server.Url("/journal.xml").ToString();
        _server.On("/journal.xml", FixtureResponse.Code(500));

        var run = await _cli.RunAsync("ingest", "--json");

        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Out);
        var sources = report.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
        Assert.Equal(3, sources["huggingface"].GetProperty("new").GetInt32());
        Assert.Contains("500", sources["broken-journal"].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_source_fails_naming_the_enabled_ones()
    {
        var run = await _cli.RunAsync("ingest", "--source", "nature");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No enabled source named 'nature' (enabled: huggingface, arxiv-rss)", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "yesterday")]
    [InlineData("--from", "2026-03-10")]
    [InlineData("--from", "2026-03-10", "--to", "2026-03-01")]
    [InlineData("--date", "2026-03-10", "--from", "2026-03-10", "--to", "2026-03-11")]
    [InlineData("--from", "2024-01-01", "--to", "2026-01-01")]
    public async Task Bad_backfill_dates_are_usage_errors(params string[] args)
    {
        var run = await _cli.RunAsync(["ingest", .. args]);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_backfill_asks_hugging_face_for_each_day()
    {
        var run = await _cli.RunAsync("ingest", "--source", "huggingface", "--from", "2026-03-10", "--to", "2026-03-12");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2026-03-10", "2026-03-11", "2026-03-12"], _server.RequestsTo("/api/daily_papers").Select(r => System.Web.HttpUtility.ParseQueryString(r.Query)["date"]));
    }
}
