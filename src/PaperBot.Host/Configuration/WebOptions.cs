using PaperBot.Core;

namespace PaperBot.Host.Configuration;

public sealed class WebOptions : IValidatedOptions
{
    public static string Section => "Web";

    /// <summary>Kestrel listen URLs, separated by ';'.</summary>
    public string Urls { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Signs confirm, manage and unsubscribe links. Empty: generated once and kept in the data folder.</summary>
    public string TokenSecret { get; set; } = "";

    /// <summary>Data Protection keys (antiforgery). Empty: <c>keys</c> in the data folder (beside the database).</summary>
    public string DataProtectionPath { get; set; } = "";

    /// <summary>Reverse proxies (IP addresses or CIDR networks, separated by ',') whose X-Forwarded-For and
    /// X-Forwarded-Proto are believed. Empty: none, so the connection's own address is the client's.</summary>
    public string TrustedProxies { get; set; } = "";

    public IReadOnlyList<string> TrustedProxyList() => TrustedProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ConfigurationError> Validate()
    {
        foreach (var proxy in TrustedProxyList())
            if (!System.Net.IPNetwork.TryParse(proxy, out _) && !System.Net.IPAddress.TryParse(proxy, out _))
                yield return new("Web:TrustedProxies", $"'{proxy}' is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8)");
        var urls = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
            yield return new("Web:Urls", "must list at least one URL (e.g. http://0.0.0.0:8080)");
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new("Web:Urls", $"'{url}' is not an http(s) URL");
        }
        // Never echo the value: it is a secret.
        if (TokenSecret.Length > 0 && System.Text.Encoding.UTF8.GetByteCount(TokenSecret) < Core.Tokens.SignedTokens.MinSecretBytes)
            yield return new("Web:TokenSecret", $"must be at least {Core.Tokens.SignedTokens.MinSecretBytes} bytes (e.g. openssl rand -base64 32), or empty to generate one");
    }
}
