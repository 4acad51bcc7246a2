using System.ComponentModel.DataAnnotations;

namespace PaperBot.Sources.HuggingFace;

/// <summary><c>Sources:HuggingFace</c>: the Daily Papers API.</summary>
public sealed class HuggingFaceOptions
{
    public const string Section = "Sources:HuggingFace";

    public bool Enabled { get; set; } = true;

    [Required(ErrorMessage = "Sources:HuggingFace:{0} is required."), Url(ErrorMessage = "Sources:HuggingFace:{0} must be an absolute URL.")]
    public string BaseUrl { get; set; } = "https://huggingface.co";

    /// <summary>Quartz cron expression (hourly by default: HF papers arrive through the day).</summary>
    [Required(ErrorMessage = "Sources:HuggingFace:{0} is required.")]
    public string Schedule { get; set; } = "0 0 * * * ?";

    /// <summary>The time zone <see cref="Schedule"/> is read in.</summary>
    [TimeZoneId("Sources:HuggingFace:TimeZone")]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Items per request (<c>limit</c>, at most 100).</summary>
    [Range(1, 100, ErrorMessage = "Sources:HuggingFace:{0} must be between {1} and {2}.")]
    public int Limit { get; set; } = 100;
}
