using System.Globalization;
using System.Net.Http.Headers;

namespace PaperBot.Discord.Rest.RateLimiting;

/// <summary>The <c>X-RateLimit-*</c> headers of one response (docs: Rate Limits, Header Format).</summary>
internal sealed record RateLimitHeaders(int? Limit, int? Remaining, TimeSpan? ResetAfter, string? Bucket, bool Global, string? Scope, TimeSpan? RetryAfter)
{
    public static RateLimitHeaders Read(HttpResponseHeaders headers) => new(
        Int(headers, "X-RateLimit-Limit"),
        Int(headers, "X-RateLimit-Remaining"),
        Seconds(headers, "X-RateLimit-Reset-After"),
        Text(headers, "X-RateLimit-Bucket"),
        string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
        Text(headers, "X-RateLimit-Scope"),
        Seconds(headers, "Retry-After"));

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? Int(HttpResponseHeaders headers, string name) =>
        int.TryParse(Text(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name) =>
        double.TryParse(Text(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 && v < 86_400 * 7
            ? TimeSpan.FromSeconds(v) : null;
}
