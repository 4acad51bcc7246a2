namespace PaperBot.Email.Messages;

/// <summary>
/// Links in a message are absolute http(s) URLs or nothing: HTML encoding does not stop <c>javascript:</c> or
/// <c>data:</c>, so anything else a source brought is dropped.
/// </summary>
public static class SafeLink
{
    public static string? Http(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        return string.IsNullOrEmpty(uri.Host) ? null : uri.AbsoluteUri;
    }
}
