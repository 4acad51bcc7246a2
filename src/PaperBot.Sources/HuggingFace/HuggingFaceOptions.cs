using PaperBot.Core;
using System.ComponentModel.DataAnnotations;

namespace PaperBot.Sources.HuggingFace;

/// <summary><c>Sources:HuggingFace</c>: the Daily Papers API.</summary>
public sealed class HuggingFaceOptions : IValidatedOptions
{
    public static string Section => "Sources:HuggingFace";

    public bool Enabled { get; set; } = true;

    [Required(ErrorMessage = "is required"), Url(ErrorMessage = "must be an absolute URL")]
    public string BaseUrl { get; set; } = "https://huggingface.co";

    /// <summary>Quartz cron expression (hourly by default: HF papers arrive through the day).</summary>
    [Required(ErrorMessage = "is required")]
    public string Schedule { get; set; } = "0 0 * * * ?";

    /// <summary>The time zone <see cref="Schedule"/> is read in.</summary>
    [TimeZoneId]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Items per request (<c>limit</c>, at most 100).</summary>
    [Range(1, 100, ErrorMessage = "must be between {1} and {2}")]
    public int Limit { get; set; } = 100;

    public IEnumerable<ConfigurationError> Validate() => OptionsValidation.Validate(this, Section);
}
