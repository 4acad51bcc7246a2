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

    public IEnumerable<ConfigurationError> Validate()
    {
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
