using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ingestion;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Arxiv;

public sealed class ArxivRssSourceTests : IAsyncLifetime
{
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ArxivRssSource Source(params string[] announceTypes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:ArxivRss:Enabled"] = "true",
            ["Sources:ArxivRss:BaseUrl"] = _server.BaseUri.ToString(),
            ["Sources:ArxivRss:Categories:0"] = "cs.AI",
            ["Sources:ArxivRss:Categories:1"] = "cs.LG",
        };
        for (var i = 0; i < announceTypes.Length; i++) settings[$"Sources:ArxivRss:AnnounceTypes:{i}"] = announceTypes[i];
        return SourcesHost.Build(settings).GetRequiredService<ArxivRssSource>();
    }

    private static FixtureResponse Rss(string fixture) => FixtureResponse.File($"sources/{fixture}", "application/rss+xml");

    [Fact]
    public async Task By_default_new_and_cross_announcements_may_alert_and_replacements_are_only_stored()
    {
        _server.On("/rss/cs.AI+cs.LG", Rss("arxiv-rss-cs.AI.xml"));

        var result = await Source().FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal([true, true, false, false], result.Papers.Select(p => p.AlertEligible));
        Assert.Equal(2, result.Papers[2].Paper.Version);
    }

    [Fact]
    public async Task Cross_lists_do_not_alert_when_only_new_is_configured()
    {
        _server.On("/rss/cs.AI+cs.LG", Rss("arxiv-rss-cs.AI.xml"));

        var result = await Source("new").FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal([true, false, false, false], result.Papers.Select(p => p.AlertEligible));
    }

    [Fact]
    public async Task A_weekend_feed_is_a_success_with_no_announcement()
    {
        _server.On("/rss/cs.AI+cs.LG", Rss("arxiv-rss-weekend.xml"));

        var result = await Source().FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.True(result.NoAnnouncement);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public async Task A_date_backfill_is_skipped_with_a_reason()
    {
        var result = await Source().FetchAsync(FetchRequest.ForDay(new DateOnly(2024, 2, 23)), CancellationToken.None);

        Assert.Contains("backfill with the arxiv source", result.Skipped, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Unknown_announce_types_are_rejected_at_start()
    {
        var errors = SourcesHost.Errors(new()
        {
            ["Sources:ArxivRss:Enabled"] = "true",
            ["Sources:ArxivRss:Categories:0"] = "cs.AI",
            ["Sources:ArxivRss:AnnounceTypes:0"] = "novel",
        });

        Assert.Contains("Sources:ArxivRss:AnnounceTypes: has 'novel'", errors, StringComparison.Ordinal);
    }
}
