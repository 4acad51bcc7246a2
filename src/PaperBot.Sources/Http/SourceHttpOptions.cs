using PaperBot.Core;
using System.ComponentModel.DataAnnotations;

namespace PaperBot.Sources.Http;

/// <summary>HTTP behaviour shared by every source (<c>Sources:Http</c>).</summary>
public sealed class SourceHttpOptions : IValidatedOptions
{
    public static string Section => "Sources:Http";

    /// <summary>A contact (e-mail or URL) added to the User-Agent, as arXiv and Hugging Face ask of bots.</summary>
    public string? Contact { get; set; }

    /// <summary>Time allowed for one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one request including its retries and their waits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries on 408, 429, 5xx and timeouts, with jittered exponential backoff; a Retry-After header wins.</summary>
    [Range(0, 10, ErrorMessage = "must be between {1} and {2}")]
    public int RetryCount { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "must be between {1} and {2}")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Responses larger than this are refused with a clear error.</summary>
    [Range(1024, 1024L * 1024 * 1024, ErrorMessage = "must be between {1} and {2}")]
    public long MaxResponseBytes { get; set; } = Parsing.ParseLimits.MaxDocumentBytes;

    public string UserAgent() =>
        "PaperBot/1.0 (+https://github.com/paperbot/paperbot" + (string.IsNullOrWhiteSpace(Contact) ? "" : "; " + Contact.Trim()) + ")";

    public IEnumerable<ConfigurationError> Validate() => OptionsValidation.Validate(this, Section);
}
