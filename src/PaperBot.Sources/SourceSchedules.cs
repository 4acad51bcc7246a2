using Microsoft.Extensions.Options;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;

namespace PaperBot.Sources;

/// <summary>When one source is polled: a Quartz cron expression read in a time zone.</summary>
public sealed record SourceSchedule(string Source, string Cron, string TimeZone);

/// <summary>The schedules of the enabled sources, for the host to turn into one trigger per source.</summary>
public sealed class SourceSchedules(
    IOptions<HuggingFaceOptions> huggingFace,
    IOptions<ArxivOptions> arxiv,
    IOptions<ArxivRssOptions> arxivRss,
    IOptions<FeedsOptions> feeds)
{
    public IReadOnlyList<SourceSchedule> Enabled()
    {
        var list = new List<SourceSchedule>();
        if (huggingFace.Value is { Enabled: true } hf) list.Add(new(PaperSources.HuggingFace, hf.Schedule, hf.TimeZone));
        if (arxiv.Value is { Enabled: true } api) list.Add(new(PaperSources.Arxiv, api.Schedule, api.TimeZone));
        if (arxivRss.Value is { Enabled: true } rss) list.Add(new(PaperSources.ArxivRss, rss.Schedule, rss.TimeZone));
        list.AddRange(feeds.Value.Feeds.Select(f => new SourceSchedule(f.Name.Trim(), f.Schedule, f.TimeZone)));
        return list;
    }
}
