using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Sources.Feeds;

/// <summary>One entry of <c>Sources:Feeds</c>: any RSS 2.0 or Atom 1.0 feed, polled on its own schedule.</summary>
public sealed class FeedOptions
{
    /// <summary>The source name (logs, <c>--source</c>, provenance).</summary>
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>Quartz cron expression; hourly when empty.</summary>
    public string Schedule { get; set; } = "0 10 * * * ?";

    /// <summary>The time zone <see cref="Schedule"/> is read in.</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary><c>Sources:Feeds</c> as a whole, so the list can be validated at start-up.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Sources:Feeds";

    public List<FeedOptions> Feeds { get; set; } = [];
}

/// <summary>Each feed needs a unique name that is not a built-in source, and an absolute http(s) URL.</summary>
public sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    private static readonly string[] Reserved = [PaperSources.HuggingFace, PaperSources.Arxiv, PaperSources.ArxivRss, PaperSources.File];

    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i];
            var key = $"Sources:Feeds:{i}";
            if (string.IsNullOrWhiteSpace(feed.Name)) errors.Add($"{key}:Name is required.");
            else if (Reserved.Contains(feed.Name.Trim(), StringComparer.OrdinalIgnoreCase)) errors.Add($"{key}:Name '{feed.Name}' is a built-in source name.");
            else if (!seen.Add(feed.Name.Trim())) errors.Add($"{key}:Name '{feed.Name}' is used by another feed.");
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"{key}:Url '{feed.Url}' is not an absolute http(s) URL.");
            if (string.IsNullOrWhiteSpace(feed.Schedule)) errors.Add($"{key}:Schedule is required.");
            if (!ScheduleValidation.TryFindTimeZone(feed.TimeZone, out _)) errors.Add($"{key}:TimeZone '{feed.TimeZone}' is not a known time zone.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
