using PaperBot.Core;

namespace PaperBot.Host.Configuration;

public sealed class WebOptions : IValidatedOptions
{
    public static string Section => "Web";

    /// <summary>Kestrel listen URLs, separated by ';'.</summary>
    public string Urls { get; set; } = "http://0.0.0.0:8080";

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
    }
}
