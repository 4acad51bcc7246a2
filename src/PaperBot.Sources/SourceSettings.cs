using PaperBot.Core;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Http;

namespace PaperBot.Sources;

/// <summary>When one source is polled: a Quartz cron expression read in a time zone, and the key it came from.</summary>
public sealed record SourceSchedule(string Source, string Key, string Cron, string TimeZone);

/// <summary>The <c>Sources:*</c> options, one object per source, bound once by the host's <see cref="OptionsLoader"/>.</summary>
public sealed record SourceSettings(HuggingFaceOptions HuggingFace, ArxivOptions Arxiv, ArxivRssOptions ArxivRss, FeedsOptions Feeds, SourceHttpOptions Http)
{
    public static SourceSettings Load(OptionsLoader loader) =>
        new(loader.Load<HuggingFaceOptions>(), loader.Load<ArxivOptions>(), loader.Load<ArxivRssOptions>(),
            loader.Load<FeedsOptions>(), loader.Load<SourceHttpOptions>());

    /// <summary>The one list of schedules: each enabled source's, for validation and for the Quartz triggers.</summary>
    public IReadOnlyList<SourceSchedule> Schedules()
    {
        var list = new List<SourceSchedule>();
        if (HuggingFace.Enabled) list.Add(new(PaperSources.HuggingFace, "Sources:HuggingFace:Schedule", HuggingFace.Schedule, HuggingFace.TimeZone));
        if (Arxiv.Enabled) list.Add(new(PaperSources.Arxiv, "Sources:Arxiv:Schedule", Arxiv.Schedule, Arxiv.TimeZone));
        if (ArxivRss.Enabled) list.Add(new(PaperSources.ArxivRss, "Sources:ArxivRss:Schedule", ArxivRss.Schedule, ArxivRss.TimeZone));
        list.AddRange(Feeds.Feeds.Select((f, i) => new SourceSchedule(f.Name.Trim(), $"Sources:Feeds:{i}:Schedule", f.Schedule, f.TimeZone)));
        return list;
    }
}
