using PaperBot.Core;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Sources.Feeds;

/// <summary>One entry of <c>Sources:Feeds</c>: any RSS 2.0 or Atom 1.0 feed, polled on its own schedule.</summary>
public sealed class FeedOptions
{
    /// <summary>The source name (logs, <c>--source</c>, provenance).</summary>
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>Quartz cron expression; hourly by default.</summary>
    public string Schedule { get; set; } = "0 10 * * * ?";

    /// <summary>The time zone <see cref="Schedule"/> is read in.</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>The <c>Sources:Feeds</c> list, bound from the <c>Sources</c> section so it validates as one object:
/// each feed needs a unique name that is not a built-in source, and an absolute http(s) URL.</summary>
public sealed class FeedsOptions : IValidatedOptions
{
    private static readonly string[] Reserved = [PaperSources.HuggingFace, PaperSources.Arxiv, PaperSources.ArxivRss, PaperSources.File];

    public static string Section => "Sources";

    public List<FeedOptions> Feeds { get; set; } = [];

    public IEnumerable<ConfigurationError> Validate()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Feeds.Count; i++)
        {
            var feed = Feeds[i];
            var key = $"Sources:Feeds:{i}";
            if (string.IsNullOrWhiteSpace(feed.Name)) yield return new($"{key}:Name", "is required");
            else if (Reserved.Contains(feed.Name.Trim(), StringComparer.OrdinalIgnoreCase)) yield return new($"{key}:Name", $"'{feed.Name}' is a built-in source name");
            else if (!seen.Add(feed.Name.Trim())) yield return new($"{key}:Name", $"'{feed.Name}' is used by another feed");
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new($"{key}:Url", $"'{feed.Url}' is not an absolute http(s) URL");
            if (string.IsNullOrWhiteSpace(feed.Schedule)) yield return new($"{key}:Schedule", "is required");
            if (!ScheduleValidation.TryFindTimeZone(feed.TimeZone, out _)) yield return new($"{key}:TimeZone", $"'{feed.TimeZone}' is not a known time zone");
        }
    }
}
