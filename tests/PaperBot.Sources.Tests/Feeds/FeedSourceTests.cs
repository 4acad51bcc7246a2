using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.Tests.Fakes;
using PaperBot.Testing.Http;

namespace PaperBot.Sources.Tests.Feeds;

public sealed class FeedSourceTests : IAsyncLifetime
{
    private FixtureHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FixtureHttpServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ServiceProvider Services(params (string Name, string Url)[] feeds) => SourcesHost.Build(Settings(feeds));

    private static Dictionary<string, string?> Settings(params (string Name, string Url)[] feeds)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < feeds.Length; i++)
        {
            settings[$"Sources:Feeds:{i}:Name"] = feeds[i].Name;
            settings[$"Sources:Feeds:{i}:Url"] = feeds[i].Url;
        }
        return settings;
    }

    [Fact]
    public async Task Each_configured_feed_is_a_source_named_after_it()
    {
        _server.On("/jwr.rss", FixtureResponse.File("sources/journal-rss.xml", "application/rss+xml"));
        _server.On("/blog.atom", FixtureResponse.File("sources/blog-atom.xml", "application/atom+xml"));
        using var services = Services(("jwr", _server.Url("jwr.rss").ToString()), ("widget-blog", _server.Url("blog.atom").ToString()));

        var sources = services.GetServices<IPaperSource>().ToArray();
        var jwr = await sources[0].FetchAsync(FetchRequest.Latest, CancellationToken.None);
        var blog = await sources[1].FetchAsync(FetchRequest.Latest, CancellationToken.None);

        Assert.Equal(["jwr", "widget-blog"], sources.Select(s => s.Name));
        Assert.Equal(3, jwr.Papers.Count);
        Assert.Equal(2, blog.Papers.Count);
        Assert.Equal(PaperId.Parse("2402.12001"), blog.Papers[0].Paper.Id);
    }

    [Fact]
    public async Task A_feed_answering_304_is_not_modified()
    {
        _server.On("/jwr.rss", r => r.Header("If-None-Match") == "\"j1\""
            ? FixtureResponse.Code(304)
            : FixtureResponse.File("sources/journal-rss.xml", "application/rss+xml").WithHeader("ETag", "\"j1\""));
        using var services = Services(("jwr", _server.Url("jwr.rss").ToString()));
        var source = services.GetServices<IPaperSource>().Single();

        var first = await source.FetchAsync(FetchRequest.Latest, CancellationToken.None);
        var second = await source.FetchAsync(FetchRequest.Latest with { Validators = first.Validators }, CancellationToken.None);

        Assert.True(second.NotModified);
    }

    [Theory]
    [InlineData("", "http://example.org/feed", "Sources:Feeds:0:Name: is required")]
    [InlineData("arxiv", "http://example.org/feed", "Sources:Feeds:0:Name: 'arxiv' is a built-in source name")]
    [InlineData("jwr", "ftp://example.org/feed", "Sources:Feeds:0:Url: 'ftp://example.org/feed' is not an absolute http(s) URL")]
    public void A_bad_feed_entry_is_rejected_at_start_naming_its_key(string name, string url, string message)
    {
        Assert.Contains(message, SourcesHost.Errors(Settings((name, url))), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_feeds_may_not_share_a_name()
    {
        var errors = SourcesHost.Errors(Settings(("jwr", "https://a.example/rss"), ("JWR", "https://b.example/rss")));

        Assert.Contains("Sources:Feeds:1:Name: 'JWR' is used by another feed", errors, StringComparison.Ordinal);
    }
}
