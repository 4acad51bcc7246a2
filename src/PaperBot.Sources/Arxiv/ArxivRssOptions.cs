using PaperBot.Core;
using System.ComponentModel.DataAnnotations;

namespace PaperBot.Sources.Arxiv;

/// <summary><c>Sources:ArxivRss</c>: arXiv's daily announcement feed for the configured categories.</summary>
public sealed class ArxivRssOptions : IValidatedOptions, IValidatableObject
{
    public static string Section => "Sources:ArxivRss";

    /// <summary>Alerting announce types when <see cref="AnnounceTypes"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultAnnounceTypes { get; } = [Arxiv.AnnounceTypes.New, Arxiv.AnnounceTypes.Cross];

    public bool Enabled { get; set; }

    [Required(ErrorMessage = "is required"), Url(ErrorMessage = "must be an absolute URL")]
    public string BaseUrl { get; set; } = "https://rss.arxiv.org";

    /// <summary>Categories, combined into one feed (<c>cs.AI+cs.LG</c>); required when enabled.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Announce types that alert (<c>new</c>, <c>cross</c>, <c>replace</c>, <c>replace-cross</c>). Others are stored
    /// (a replacement updates the version) but alert nobody. Empty means <see cref="DefaultAnnounceTypes"/>: the
    /// configuration binder appends to a list default rather than replacing it, so the default lives here.</summary>
    public List<string> AnnounceTypes { get; set; } = [];

    /// <summary>Quartz cron expression: after the feeds' midnight-ET rebuild (04:00–05:00 UTC), Monday–Friday.</summary>
    [Required(ErrorMessage = "is required")]
    public string Schedule { get; set; } = "0 15 5 ? * MON-FRI";

    /// <summary>The time zone <see cref="Schedule"/> is read in.</summary>
    [TimeZoneId]
    public string TimeZone { get; set; } = "UTC";

    public IReadOnlyList<string> EffectiveAnnounceTypes => AnnounceTypes.Count == 0 ? DefaultAnnounceTypes : AnnounceTypes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Categories.Count == 0)
            yield return new ValidationResult("must name at least one category (for example \"cs.AI\") when the source is enabled", [nameof(Categories)]);
        foreach (var t in AnnounceTypes.Where(t => !Arxiv.AnnounceTypes.All.Contains(t.Trim().ToLowerInvariant())))
            yield return new ValidationResult($"has '{t}'; expected {string.Join(", ", Arxiv.AnnounceTypes.All)}", [nameof(AnnounceTypes)]);
    }

    public IEnumerable<ConfigurationError> Validate() => OptionsValidation.Validate(this, Section);
}
