using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Http;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Arxiv;

/// <summary>Paging and arXiv's ways of failing. The 3 s spacing is tested on its own (<see cref="ArxivPolitenessTests"/>),
/// so these tests use a client without it.</summary>
public sealed class ArxivApiSourceTests : IAsyncLifetime
{
    private const string Path = "/api/query";
    private FixtureHttpServer _server = null!;
    private readonly InMemoryPaperStore _store = InMemoryPaperStore.Merging(TimeProvider.System);
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ArxivApiSource Source(params string[] categories) => Source(categories, pageRetries: 0);

    private ArxivApiSource Source(string[] categories, int pageRetries) => new(_http,
        Options.Create(new ArxivOptions
        {
            Enabled = true, BaseUrl = _server.BaseUri.ToString(), Categories = [.. categories], PageSize = 3,
            PageRetries = pageRetries, PageRetryDelay = TimeSpan.Zero,
        }),
        Options.Create(new SourceHttpOptions()), _store, TimeProvider.System);

    private static FixtureResponse Atom(string fixture) => FixtureResponse.File($"sources/{fixture}", "application/atom+xml");

    private void ServePages(string page2 = "arxiv-api-page2.atom") =>
        _server.On(Path, r => r.Query.Contains("&start=0&", StringComparison.Ordinal) ? Atom("arxiv-api-page1.atom") : Atom(page2));

    [Fact]
    public async Task Pages_are_fetched_until_the_result_set_ends()
    {
        ServePages();

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Papers.Count);
        Assert.Equal(
            ["?search_query=cat%3Acs.CL&sortBy=submittedDate&sortOrder=descending&start=0&max_results=3",
             "?search_query=cat%3Acs.CL&sortBy=submittedDate&sortOrder=descending&start=3&max_results=3"],
            _server.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task A_latest_poll_stops_at_the_first_page_holding_a_stored_paper()
    {
        ServePages();
        _store.Save([new Paper { Id = PaperId.Parse("2401.01234"), Title = "Already here" }], PaperSources.Arxiv);

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal(3, result.Papers.Count);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_latest_poll_pages_past_a_paper_only_another_source_stored()
    {
        // Found by the end-to-end happy path: Hugging Face had stored the newest arXiv paper, so the arXiv source stopped
        // at its first page and never listed the older papers of the day.
        ServePages();
        _store.Save([new Paper { Id = PaperId.Parse("2401.01234"), Title = "Already here" }], PaperSources.HuggingFace);

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal(5, result.Papers.Count);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_backfill_queries_the_submission_dates_and_pages_past_stored_papers()
    {
        ServePages();
        _store.Save([new Paper { Id = PaperId.Parse("2401.01234"), Title = "Already here" }], PaperSources.Arxiv);

        var result = await Source("cs.CL", "cs.LG").FetchAsync(FetchRequest.ForRange(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)), CancellationToken.None);

        Assert.Equal(5, result.Papers.Count);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("(cat:cs.CL OR cat:cs.LG) AND submittedDate:[202401010000 TO 202401312359]",
            Uri.UnescapeDataString(_server.Requests[0].Query.Split('&')[0]["?search_query=".Length..]));
    }

    [Fact]
    public async Task An_empty_page_inside_the_result_set_is_an_error()
    {
        ServePages(page2: "arxiv-api-empty-page.atom");

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal("arXiv returned an empty page at start=3 of 5 results (index lag or throttling); try again later.", result.Error);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public async Task An_empty_page_inside_the_result_set_is_tried_again_before_it_fails_the_run()
    {
        var page2 = 0;
        _server.On(Path, r => r.Query.Contains("&start=0&", StringComparison.Ordinal) ? Atom("arxiv-api-page1.atom")
            : Interlocked.Increment(ref page2) == 1 ? Atom("arxiv-api-empty-page.atom") : Atom("arxiv-api-page2.atom"));

        var result = await Source(["cs.CL"], pageRetries: 2).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Papers.Count);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_throttled_page_is_tried_again()
    {
        var first = 0;
        _server.On(Path, r => !r.Query.Contains("&start=0&", StringComparison.Ordinal) ? Atom("arxiv-api-page2.atom")
            : Interlocked.Increment(ref first) == 1 ? FixtureResponse.File("sources/arxiv-rate-exceeded.txt", "text/plain") : Atom("arxiv-api-page1.atom"));

        var result = await Source(["cs.CL"], pageRetries: 1).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Papers.Count);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_page_retry_waits_the_configured_delay_by_the_injected_clock()
    {
        _server.On(Path, FixtureResponse.File("sources/arxiv-rate-exceeded.txt", "text/plain"), Atom("arxiv-api-no-results.atom"));
        var time = new FakeTimeProvider();
        var source = new ArxivApiSource(_http,
            Options.Create(new ArxivOptions { Enabled = true, BaseUrl = _server.BaseUri.ToString(), Categories = ["cs.CL"], PageRetries = 1, PageRetryDelay = TimeSpan.FromSeconds(10) }),
            Options.Create(new SourceHttpOptions()), _store, time);

        var fetch = source.FetchAsync(FetchRequest.Latest, CancellationToken.None);
        while (_server.Requests.Count == 0) await Task.Delay(5);
        await Task.Delay(50);
        time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(50);
        Assert.False(fetch.IsCompleted);
        Assert.Single(_server.Requests);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Null((await fetch.WaitAsync(TimeSpan.FromSeconds(10))).Error);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_fails_the_run()
    {
        _server.On(Path, FixtureResponse.File("sources/arxiv-rate-exceeded.txt", "text/plain"));

        var result = await Source(["cs.CL"], pageRetries: 2).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal("arXiv is throttling requests: \"Rate exceeded.\"", result.Error);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task An_error_entry_is_not_retried()
    {
        _server.On(Path, Atom("arxiv-api-error.atom"));

        await Source(["cs.CL"], pageRetries: 3).FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task No_results_at_all_is_a_success()
    {
        _server.On(Path, Atom("arxiv-api-no-results.atom"));

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public async Task The_error_entry_is_a_failure_with_arxivs_message()
    {
        _server.On(Path, Atom("arxiv-api-error.atom"));

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal("arXiv API error: incorrect id format for 1234.12345", result.Error);
    }

    [Fact]
    public async Task A_rate_exceeded_body_is_a_failure()
    {
        _server.On(Path, FixtureResponse.File("sources/arxiv-rate-exceeded.txt", "text/plain"));

        var result = await Source("cs.CL").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal("arXiv is throttling requests: \"Rate exceeded.\"", result.Error);
    }
}
