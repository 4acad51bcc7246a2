using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Testing.Fakes;
using static PaperBot.Testing.Fakes.IngestionFixture;

namespace PaperBot.Core.Tests.Ingestion;

public sealed class IngestionServiceTests
{
    private readonly IngestionFixture _f = new();

    [Fact]
    public async Task The_first_successful_poll_records_a_baseline_and_alerts_nobody()
    {
        var source = new ScriptedSource("huggingface", Returns(Bringing(Paper("2401.00001"), Paper("2401.00002"))));

        var report = await _f.Service(source).RunAsync(null, FetchRequest.Latest, notify: false, CancellationToken.None);

        var run = Assert.Single(report.Sources);
        Assert.True(run.Baseline);
        Assert.Equal(2, run.New);
        Assert.Equal(0, run.Alerts);
        Assert.Empty(_f.Matcher.Seen);
        Assert.True(_f.States.Get("huggingface").BaselineRecorded);
        Assert.Equal(2, _f.Store.Count());
    }

    [Fact]
    public async Task A_skipped_run_records_no_baseline()
    {
        var source = new ScriptedSource("journal",
            Returns(new SourceFetchResult { Skipped = "a feed cannot backfill by date." }),
            Returns(Bringing(Paper("2401.00001"))));
        var service = _f.Service(source);

        var skipped = await service.RunAsync(null, FetchRequest.ForDay(new DateOnly(2024, 1, 1)), false, CancellationToken.None);
        Assert.False(_f.States.Get("journal").BaselineRecorded);
        var first = await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal("a feed cannot backfill by date.", skipped.Sources[0].Skipped);
        Assert.False(skipped.Sources[0].Baseline);
        Assert.True(first.Sources[0].Baseline);
        Assert.Empty(_f.Matcher.Seen);
    }

    [Fact]
    public async Task Later_polls_alert_only_the_papers_that_are_new_to_the_store()
    {
        var source = new ScriptedSource("huggingface",
            Returns(Bringing(Paper("2401.00001"))),
            Returns(Bringing(Paper("2401.00001", title: "Retitled"), Paper("2401.00002"))));
        var service = _f.Service(source);

        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        var report = await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        var run = report.Sources.Single();
        Assert.False(run.Baseline);
        Assert.Equal((1, 1, 0), (run.New, run.Updated, run.Unchanged));
        Assert.Equal([PaperId.Parse("2401.00002")], _f.Matcher.Seen);
        Assert.Equal(1, run.Alerts);
        Assert.Single(_f.Outbox.Enqueued);
    }

    [Fact]
    public async Task A_backfill_stores_without_alerting_unless_notify_is_given()
    {
        _f.States.Put(new() { Source = "arxiv", BaselineRecorded = true });
        var source = new ScriptedSource("arxiv", r => Bringing(Paper(r.From == new DateOnly(2024, 1, 1) ? "2401.00001" : "2401.00002")));
        var service = _f.Service(source);

        var quiet = await service.RunAsync(null, FetchRequest.ForDay(new DateOnly(2024, 1, 1)), notify: false, CancellationToken.None);
        var loud = await service.RunAsync(null, FetchRequest.ForDay(new DateOnly(2024, 1, 2)), notify: true, CancellationToken.None);

        Assert.Equal((1, 0), (quiet.New, quiet.Sources[0].Alerts));
        Assert.Equal((1, 1), (loud.New, loud.Sources[0].Alerts));
        Assert.Equal([PaperId.Parse("2401.00002")], _f.Matcher.Seen);
    }

    [Fact]
    public async Task A_new_paper_that_is_not_alert_eligible_is_stored_but_not_matched()
    {
        _f.States.Put(new() { Source = "arxiv-rss", BaselineRecorded = true });
        var source = new ScriptedSource("arxiv-rss", Returns(new SourceFetchResult
        {
            Papers = [new FetchedPaper(Paper("2402.12345", 1)), new FetchedPaper(Paper("2402.12001", 1), AlertEligible: false)],
        }));

        var report = await _f.Service(source).RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal(2, report.New);
        Assert.Equal([PaperId.Parse("2402.12345")], _f.Matcher.Seen);
        Assert.NotNull(_f.Store.Find(PaperId.Parse("2402.12001")));
    }

    [Fact]
    public async Task A_replacement_updates_the_stored_version_without_alerting()
    {
        _f.States.Put(new() { Source = "arxiv-rss", BaselineRecorded = true });
        _f.Store.Save([Paper("2310.00001", 1, "Planning with Tiny World Models")], PaperSources.ArxivRss);
        var source = new ScriptedSource("arxiv-rss", Returns(new SourceFetchResult
        {
            Papers = [new FetchedPaper(Paper("2310.00001", 2, "Planning with Tiny World Models"), AlertEligible: false)],
        }));

        var report = await _f.Service(source).RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal((0, 1), (report.New, report.Updated));
        Assert.Equal(2, _f.Store.Find(PaperId.Parse("2310.00001"))!.Version);
        Assert.Empty(_f.Matcher.Seen);
    }

    [Fact]
    public async Task One_failing_source_never_stops_the_others()
    {
        var failing = new ScriptedSource("arxiv", Returns(SourceFetchResult.Failed("GET … answered 503 Service Unavailable")));
        var throwing = new ScriptedSource("broken-feed", _ => throw new InvalidOperationException("a bug"));
        var healthy = new ScriptedSource("huggingface", Returns(Bringing(Paper("2401.00001"))));

        var report = await _f.Service(failing, throwing, healthy).RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.Equal(["GET … answered 503 Service Unavailable", "InvalidOperationException: a bug", null], report.Sources.Select(s => s.Error));
        Assert.Equal(1, report.Sources[2].New);
        Assert.Equal(1, _f.States.Get("arxiv").ConsecutiveFailures);
        Assert.Equal("InvalidOperationException: a bug", _f.States.Get("broken-feed").LastError);
        Assert.False(_f.States.Get("arxiv").BaselineRecorded);
        Assert.Equal(_f.Time.GetUtcNow(), _f.States.Get("huggingface").LastSuccessAt);
    }

    [Fact]
    public async Task Failures_count_up_and_a_success_resets_them()
    {
        var source = new ScriptedSource("arxiv",
            Returns(SourceFetchResult.Failed("down")),
            Returns(SourceFetchResult.Failed("still down")),
            Returns(Bringing(Paper("2401.00001"))));
        var service = _f.Service(source);

        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        var failed = _f.States.Get("arxiv");
        _f.Time.Advance(TimeSpan.FromHours(1));
        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        var recovered = _f.States.Get("arxiv");

        Assert.Equal((2, "still down"), (failed.ConsecutiveFailures, failed.LastError));
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal(_f.Time.GetUtcNow(), recovered.LastSuccessAt);
        Assert.Equal(1, recovered.ItemsSeen);
        Assert.Equal("still down", recovered.LastError);
    }

    [Fact]
    public async Task Validators_returned_by_a_fetch_are_offered_to_the_next_one()
    {
        var validators = new CacheValidators(new Dictionary<string, string> { ["https://example.org/feed"] = "\"v1\"" }, new Dictionary<string, string>());
        var source = new ScriptedSource("journal",
            Returns(Bringing(Paper("2401.00001")) with { Validators = validators }),
            Returns(new SourceFetchResult { NotModified = true }));
        var service = _f.Service(source);

        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        var second = await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal("\"v1\"", source.Requests[1].Validators.ETags["https://example.org/feed"]);
        Assert.True(second.Sources[0].NotModified);
        Assert.Equal("\"v1\"", _f.States.Get("journal").ETags["https://example.org/feed"]);
    }

    [Fact]
    public async Task A_failed_run_remembers_no_new_validators_so_the_retry_fetches_in_full()
    {
        var validators = new CacheValidators(new Dictionary<string, string> { ["https://example.org/feed"] = "\"v2\"" }, new Dictionary<string, string>());
        var source = new ScriptedSource("journal",
            Returns(new SourceFetchResult { Error = "the second day failed", Validators = validators }),
            Returns(Bringing()));
        var service = _f.Service(source);

        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Empty(source.Requests[1].Validators.ETags);
        Assert.Empty(_f.States.Get("journal").ETags);
    }

    [Fact]
    public async Task Only_the_named_source_runs_and_an_unknown_name_is_an_error()
    {
        var hf = new ScriptedSource("huggingface", Returns(Bringing()));
        var arxiv = new ScriptedSource("arxiv", Returns(Bringing()));
        var service = _f.Service(hf, arxiv);

        var one = await service.RunAsync("ARXIV", FetchRequest.Latest, false, CancellationToken.None);
        var unknown = await service.RunAsync("nature", FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal(["arxiv"], one.Sources.Select(s => s.Source));
        Assert.Empty(hf.Requests);
        Assert.Equal("No enabled source named 'nature' (enabled: huggingface, arxiv).", unknown.Sources.Single().Error);
    }

    [Fact]
    public async Task Rejected_entries_and_the_no_announcement_flag_are_reported()
    {
        var source = new ScriptedSource("arxiv-rss", Returns(new SourceFetchResult
        {
            NoAnnouncement = true,
            Rejected = [new RejectedEntry("item 3", "the entry has no title")],
        }));

        var run = (await _f.Service(source).RunAsync(null, FetchRequest.Latest, false, CancellationToken.None)).Sources.Single();

        Assert.True(run.Succeeded);
        Assert.True(run.NoAnnouncement);
        Assert.Equal(1, run.Rejected);
        Assert.Equal("item 3: the entry has no title", run.RejectedEntries[0].ToString());
    }
}
