using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperBot.Core;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Http;
using PaperBot.Sources.Tests.Fakes;

namespace PaperBot.Sources.Tests;

/// <summary>Bad source configuration stops start-up with a message naming the key.</summary>
public sealed class OptionsValidationTests
{
    private static string ErrorOf<T>(Dictionary<string, string?> settings) where T : IValidatedOptions =>
        Assert.Single(SourcesHost.Load(settings).Errors, e => e.Key.StartsWith(T.Section, StringComparison.Ordinal)).ToString();

    [Fact]
    public void An_enabled_arxiv_source_needs_categories()
    {
        Assert.Contains("Sources:Arxiv:Categories: must name at least one category",
            ErrorOf<ArxivOptions>(new() { ["Sources:Arxiv:Enabled"] = "true" }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enabled_arxiv_rss_source_needs_categories()
    {
        Assert.Contains("Sources:ArxivRss:Categories: must name at least one category",
            ErrorOf<ArxivRssOptions>(new() { ["Sources:ArxivRss:Enabled"] = "true" }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schedule_time_zone_is_rejected()
    {
        Assert.Contains("Sources:HuggingFace:TimeZone: 'Mars/Olympus' is not a known time zone",
            ErrorOf<HuggingFaceOptions>(new() { ["Sources:HuggingFace:Enabled"] = "true", ["Sources:HuggingFace:TimeZone"] = "Mars/Olympus" }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_base_url_is_rejected()
    {
        Assert.Contains("Sources:HuggingFace:BaseUrl: must be an absolute URL",
            ErrorOf<HuggingFaceOptions>(new() { ["Sources:HuggingFace:Enabled"] = "true", ["Sources:HuggingFace:BaseUrl"] = "huggingface.co" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Http_limits_out_of_range_are_rejected()
    {
        Assert.Contains("Sources:Http:RetryCount: must be between 0 and 10",
            ErrorOf<SourceHttpOptions>(new() { ["Sources:Http:RetryCount"] = "50" }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_options_loader_gets_the_same_problems_keyed_by_their_full_names()
    {
        var arxiv = new ArxivOptions { Enabled = true, MinInterval = TimeSpan.FromSeconds(1), PageSize = 0 };

        Assert.Equal(
            ["Sources:Arxiv:MinInterval: must be at least 00:00:03 (arXiv allows one request every 3 seconds)",
             "Sources:Arxiv:PageSize: must be between 1 and 2000"],
            arxiv.Validate().Select(e => e.ToString()));
        Assert.Empty(new HuggingFaceOptions().Validate());
        Assert.Equal(["Sources:Feeds:0:Url: '' is not an absolute http(s) URL"],
            new PaperBot.Sources.Feeds.FeedsOptions { Feeds = [new() { Name = "jwr" }] }.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void The_defaults_are_valid_and_match_the_documented_ones()
    {
        using var services = SourcesHost.Build(new() { ["Sources:HuggingFace:Enabled"] = null, ["Sources:Http:RetryBaseDelay"] = null, ["Sources:Http:Timeout"] = null });

        var hf = services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
        var arxiv = services.GetRequiredService<IOptions<ArxivOptions>>().Value;
        var rss = services.GetRequiredService<IOptions<ArxivRssOptions>>().Value;
        Assert.Equal((true, "https://huggingface.co"), (hf.Enabled, hf.BaseUrl));
        Assert.Equal((false, "https://export.arxiv.org", TimeSpan.FromSeconds(3)), (arxiv.Enabled, arxiv.BaseUrl, arxiv.MinInterval));
        Assert.Equal((false, "https://rss.arxiv.org"), (rss.Enabled, rss.BaseUrl));
        Assert.Equal(["new", "cross"], rss.EffectiveAnnounceTypes);
        Assert.Equal(20 * 1024 * 1024, services.GetRequiredService<IOptions<SourceHttpOptions>>().Value.MaxResponseBytes);
    }

    [Fact]
    public void Each_enabled_source_has_a_schedule_for_the_host()
    {
        var (settings, errors) = SourcesHost.Load(new()
        {
            ["Sources:HuggingFace:Enabled"] = "true",
            ["Sources:ArxivRss:Enabled"] = "true",
            ["Sources:ArxivRss:Categories:0"] = "cs.AI",
            ["Sources:ArxivRss:Schedule"] = "0 0 6 ? * MON-FRI",
            ["Sources:ArxivRss:TimeZone"] = "America/New_York",
            ["Sources:Feeds:0:Name"] = "jwr",
            ["Sources:Feeds:0:Url"] = "https://jwr.example.org/rss",
        });

        Assert.Equal(
            [new SourceSchedule("huggingface", "Sources:HuggingFace:Schedule", "0 0 * * * ?", "UTC"),
             new SourceSchedule("arxiv-rss", "Sources:ArxivRss:Schedule", "0 0 6 ? * MON-FRI", "America/New_York"),
             new SourceSchedule("jwr", "Sources:Feeds:0:Schedule", "0 10 * * * ?", "UTC")],
            settings.Schedules());
        Assert.Empty(errors);
    }
}
