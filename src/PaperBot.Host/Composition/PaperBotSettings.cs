using Microsoft.Extensions.Configuration;
using PaperBot.Core;
using PaperBot.Core.Delivery;
using PaperBot.Discord;
using PaperBot.Email;
using PaperBot.Host.Configuration;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Http;
using PaperBot.Storage;
using Quartz;

namespace PaperBot.Host.Composition;

/// <summary>The <c>Sources:*</c> options, one object per source.</summary>
public sealed record SourceSettings(HuggingFaceOptions HuggingFace, ArxivOptions Arxiv, ArxivRssOptions ArxivRss, FeedsOptions Feeds, SourceHttpOptions Http)
{
    /// <summary>Each enabled source's schedule with the key it came from, for validation and the Quartz triggers.</summary>
    public IEnumerable<(string Source, string Key, string Cron, string TimeZone)> Schedules()
    {
        if (HuggingFace.Enabled) yield return (Core.Papers.PaperSources.HuggingFace, "Sources:HuggingFace:Schedule", HuggingFace.Schedule, HuggingFace.TimeZone);
        if (Arxiv.Enabled) yield return (Core.Papers.PaperSources.Arxiv, "Sources:Arxiv:Schedule", Arxiv.Schedule, Arxiv.TimeZone);
        if (ArxivRss.Enabled) yield return (Core.Papers.PaperSources.ArxivRss, "Sources:ArxivRss:Schedule", ArxivRss.Schedule, ArxivRss.TimeZone);
        for (var i = 0; i < Feeds.Feeds.Count; i++)
            yield return (Feeds.Feeds[i].Name.Trim(), $"Sources:Feeds:{i}:Schedule", Feeds.Feeds[i].Schedule, Feeds.Feeds[i].TimeZone);
    }
}

/// <summary>Every options section, bound and validated once at start.</summary>
public sealed record PaperBotSettings(
    IConfiguration Configuration,
    StorageOptions Storage,
    SourceSettings Sources,
    DeliveryOptions Delivery,
    EmailOptions Email,
    DiscordOptions Discord,
    WebOptions Web)
{
    /// <summary>Binds every section; the errors list every bad key at once, so one run shows them all.</summary>
    public static (PaperBotSettings Settings, IReadOnlyList<ConfigurationError> Errors) Load(IConfiguration configuration)
    {
        var loader = new OptionsLoader(configuration);
        var settings = new PaperBotSettings(
            configuration,
            loader.Load<StorageOptions>(),
            new SourceSettings(loader.Load<HuggingFaceOptions>(), loader.Load<ArxivOptions>(), loader.Load<ArxivRssOptions>(),
                loader.Load<FeedsOptions>(), loader.Load<SourceHttpOptions>()),
            loader.Load<DeliveryOptions>(),
            loader.Load<EmailOptions>(),
            loader.Load<DiscordOptions>(),
            loader.Load<WebOptions>());
        var errors = loader.Errors.ToList();
        // Cron syntax is Quartz's, so it is checked here, where Quartz lives.
        errors.AddRange(settings.Sources.Schedules()
            .Where(s => !string.IsNullOrWhiteSpace(s.Cron) && !CronExpression.TryParse(s.Cron, out _))
            .Select(s => new ConfigurationError(s.Key, $"'{s.Cron}' is not a Quartz cron expression (sec min hour day month weekday, e.g. 0 0 * * * ?)")));
        return (settings, errors);
    }
}
