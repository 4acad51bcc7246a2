using System.ComponentModel.DataAnnotations;

namespace PaperBot.Sources.HuggingFace;

/// <summary><c>Sources:HuggingFace</c>: the Daily Papers API.</summary>
public sealed class HuggingFaceOptions
{
    public const string Section = "Sources:HuggingFace";

    public bool Enabled { get; set; } = true;

    [Required, Url]
    public string BaseUrl { get; set; } = "https://huggingface.co";

    /// <summary>Quartz cron expression (hourly by default: HF papers arrive through the day).</summary>
    [Required]
    public string Schedule { get; set; } = "0 5 * * * ?";

    /// <summary>Items per request (<c>limit</c>, at most 100).</summary>
    [Range(1, 100)]
    public int Limit { get; set; } = 100;
}
