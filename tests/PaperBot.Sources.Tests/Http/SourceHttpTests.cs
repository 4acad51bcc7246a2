using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ingestion;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Http;

/// <summary>The shared HTTP behaviour, exercised through the Hugging Face source's real typed client.</summary>
public sealed class SourceHttpTests : IAsyncLifetime
{
    private const string Path = "/api/daily_papers";
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HuggingFaceSource Source(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:Enabled"] = "true",
            ["Sources:HuggingFace:BaseUrl"] = _server.BaseUri.ToString(),
            ["Sources:Http:Contact"] = "mailto:ops@example.org",
        };
        foreach (var (k, v) in extra) settings[k] = v;
        return SourcesHost.Build(settings).GetRequiredService<HuggingFaceSource>();
    }

    private static FixtureResponse DailyPapers => FixtureResponse.File("sources/hf-daily-papers.json", "application/json");

    [Fact]
    public async Task Requests_carry_a_paperbot_user_agent_with_the_configured_contact()
    {
        _server.On(Path, DailyPapers);

        var result = await Source().FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal(3, result.Papers.Count);
        Assert.Equal("PaperBot/1.0 (+https://github.com/paperbot/paperbot; mailto:ops@example.org)", _server.Requests.Single().Header("User-Agent"));
        Assert.Equal("?limit=100", _server.Requests.Single().Query);
    }

    [Fact]
    public async Task A_304_to_the_remembered_validators_means_not_modified()
    {
        _server.On(Path, r => r.Header("If-None-Match") == "\"v1\""
            ? FixtureResponse.Code(304)
            : DailyPapers.WithHeader("ETag", "\"v1\"").WithHeader("Last-Modified", "Mon, 08 Sep 2025 03:00:00 GMT"));
        var source = Source();

        var first = await source.FetchAsync(FetchRequest.Latest, CancellationToken.None);
        var second = await source.FetchAsync(FetchRequest.Latest with { Validators = first.Validators }, CancellationToken.None);

        Assert.False(first.NotModified);
        var url = Assert.Single(first.Validators.ETags).Key;
        Assert.EndsWith("/api/daily_papers?limit=100", url, StringComparison.Ordinal);
        Assert.Equal("Mon, 08 Sep 2025 03:00:00 GMT", first.Validators.LastModified[url]);
        Assert.True(second.NotModified);
        Assert.Null(second.Error);
        Assert.Empty(second.Papers);
        Assert.Equal("Mon, 08 Sep 2025 03:00:00 GMT", _server.Requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task A_server_error_is_retried_until_it_succeeds()
    {
        _server.On(Path, FixtureResponse.Code(500), FixtureResponse.Code(503), DailyPapers);

        var result = await Source().FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(3, result.Papers.Count);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_429_waits_as_long_as_retry_after_says()
    {
        _server.On(Path, FixtureResponse.Code(429).WithHeader("Retry-After", "1"), DailyPapers);

        var result = await Source().FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        var gap = _server.Requests[1].At - _server.Requests[0].At;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"retried after {gap.TotalMilliseconds} ms, Retry-After said 1 s");
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_an_error_naming_the_status_after_the_retries()
    {
        _server.On(Path, FixtureResponse.Text("upstream down", status: 503));

        var result = await Source(("Sources:Http:RetryCount", "2")).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Contains("answered 503 Service Unavailable: upstream down", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_response_over_the_size_cap_is_refused()
    {
        _server.On(Path, DailyPapers);

        var result = await Source(("Sources:Http:MaxResponseBytes", "1024")).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Contains("returned more than 1,024 bytes (Sources:Http:MaxResponseBytes)", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public async Task A_slow_server_times_out_as_an_error()
    {
        _server.On(Path, DailyPapers with { Delay = TimeSpan.FromSeconds(5) });

        var result = await Source(("Sources:Http:Timeout", "00:00:01"), ("Sources:Http:RetryCount", "0")).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.EndsWith("timed out.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_page_served_with_200_is_an_error_not_an_empty_day()
    {
        _server.On(Path, FixtureResponse.File("sources/html-error-page.html", "text/html"));

        var result = await Source().FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Contains("HTML page", result.Error, StringComparison.Ordinal);
    }
}
