using PaperBot.Core;
using System.ComponentModel.DataAnnotations;

namespace PaperBot.Sources.Arxiv;

/// <summary><c>Sources:Arxiv</c>: the arXiv API (Atom), queried by category, newest submissions first.</summary>
public sealed class ArxivOptions : IValidatedOptions, IValidatableObject
{
    public static string Section => "Sources:Arxiv";

    /// <summary>arXiv's terms of use: no more than one request every three seconds.</summary>
    public static readonly TimeSpan PoliteInterval = TimeSpan.FromSeconds(3);

    public bool Enabled { get; set; }

    [Required(ErrorMessage = "is required"), Url(ErrorMessage = "must be an absolute URL")]
    public string BaseUrl { get; set; } = "https://export.arxiv.org";

    /// <summary>Categories to query (<c>cs.CL</c>, <c>cs.LG</c>); required when enabled.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Quartz cron expression: after each announcement (20:00 ET Sunday–Thursday, i.e. 00:00–01:00 UTC Monday–Friday) has reached the API.</summary>
    [Required(ErrorMessage = "is required")]
    public string Schedule { get; set; } = "0 30 1 ? * MON-FRI";

    /// <summary>The time zone <see cref="Schedule"/> is read in.</summary>
    [TimeZoneId]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Spacing between requests; never below 3 s (arXiv's terms of use).</summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00", ErrorMessage = "must be at least 00:00:03 (arXiv allows one request every 3 seconds)")]
    public TimeSpan MinInterval { get; set; } = PoliteInterval;

    /// <summary>Results per request (<c>max_results</c>).</summary>
    [Range(1, 2000, ErrorMessage = "must be between {1} and {2}")]
    public int PageSize { get; set; } = 100;

    /// <summary>Requests per run at most, however far the unseen papers go.</summary>
    [Range(1, 500, ErrorMessage = "must be between {1} and {2}")]
    public int MaxPages { get; set; } = 20;

    /// <summary>Further tries of a page that came back throttled ("Rate exceeded.") or empty inside the result set.</summary>
    [Range(0, 5, ErrorMessage = "must be between {1} and {2}")]
    public int PageRetries { get; set; } = 2;

    /// <summary>Wait before the first such retry, doubled each time (on top of the 3 s spacing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan PageRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Categories.Count == 0)
            yield return new ValidationResult("must name at least one category (for example \"cs.CL\") when the source is enabled", [nameof(Categories)]);
        foreach (var c in Categories.Where(c => string.IsNullOrWhiteSpace(c) || c.Any(ch => char.IsWhiteSpace(ch) || ch is '(' or ')' or ':')))
            yield return new ValidationResult($"has an invalid category '{c}'", [nameof(Categories)]);
    }

    public IEnumerable<ConfigurationError> Validate() => OptionsValidation.Validate(this, Section);
}
