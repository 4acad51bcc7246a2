using System.Text.RegularExpressions;

namespace PaperBot.Core.Ingestion;

/// <summary>A source error's text holds URLs (a private feed's may carry a token) and a server's words; what is shown
/// beyond the operator is only its kind, derived from the text, never a part of it.</summary>
public static partial class SourceErrors
{
    /// <summary>A short, address-free class of a source error: <c>http-503</c>, <c>timeout</c>, <c>unreachable</c> …</summary>
    public static string Kind(string? error)
    {
        if (string.IsNullOrEmpty(error)) return "unknown";
        if (HttpStatus().Match(error) is { Success: true } m) return "http-" + m.Groups[1].Value;
        if (error.Contains("timed out", StringComparison.OrdinalIgnoreCase)) return "timeout";
        if (error.Contains("throttl", StringComparison.OrdinalIgnoreCase)) return "throttled";
        if (error.Contains("bytes (Sources:Http:MaxResponseBytes)", StringComparison.Ordinal)) return "too-large";
        if (error.StartsWith("GET ", StringComparison.Ordinal) && error.Contains(" failed: ", StringComparison.Ordinal)) return "unreachable";
        if (error.Contains("Exception:", StringComparison.Ordinal)) return "internal-error";
        return "invalid-response";
    }

    /// <summary>The kind in words, for people: "it answers HTTP 503", "it does not answer in time".</summary>
    public static string Describe(string? error) => Kind(error) switch
    {
        var k when k.StartsWith("http-", StringComparison.Ordinal) => "it answers HTTP " + k["http-".Length..],
        "timeout" => "it does not answer in time",
        "throttled" => "it keeps asking us to slow down",
        "too-large" => "its answer is larger than allowed",
        "unreachable" => "it cannot be reached",
        "internal-error" => "PaperBot fails while reading it",
        "unknown" => "the reason is unknown",
        _ => "its answer cannot be read",
    };

    [GeneratedRegex(@" answered (\d{3})\b")]
    private static partial Regex HttpStatus();
}
