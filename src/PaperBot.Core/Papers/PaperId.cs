using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Core.Papers;

/// <summary>
/// The canonical key of a paper: the bare arXiv id when there is one (<c>2503.01234</c>, <c>hep-th/9901001</c>),
/// otherwise <c>url:</c> + a hash of the source's link, or <c>title:</c> + a hash of the normalised title
/// (digest files carry neither id nor link). One paper, one record, whichever source brought it.
/// </summary>
public readonly record struct PaperId
{
    private PaperId(string value) => Value = value;

    public string Value { get; }

    public bool IsArxiv => Value is not null && !Value.StartsWith("url:", StringComparison.Ordinal) && !Value.StartsWith("title:", StringComparison.Ordinal);

    public override string ToString() => Value ?? "";

    public static PaperId FromArxiv(ArxivId id) => new(id.Id);

    /// <summary>Restores an id read back from storage or typed by a user; accepts any arXiv form too.</summary>
    public static PaperId Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (ArxivId.TryParse(value, out var arxiv)) return FromArxiv(arxiv);
        if (value.StartsWith("url:", StringComparison.Ordinal) || value.StartsWith("title:", StringComparison.Ordinal))
            return new PaperId(value);
        throw new FormatException($"'{value}' is not a paper id (expected an arXiv id, url:… or title:…).");
    }

    /// <summary>A paper without an arXiv id, known by its link: stable across polls of the same source.</summary>
    public static PaperId FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (ArxivId.TryParse(url, out var arxiv)) return FromArxiv(arxiv);
        var normalised = NormaliseUrl(url);
        return new PaperId("url:" + Hash(normalised));
    }

    /// <summary>A paper known only by its title (plain-text digests): case, accents, punctuation and spacing ignored.</summary>
    public static PaperId FromTitle(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new PaperId("title:" + Hash(TitleKey.Normalise(title)));
    }

    private static string NormaliseUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return url.Trim();
        var builder = new UriBuilder(uri) { Fragment = "" };
        if (uri.IsDefaultPort) builder.Port = -1;
        if (uri.Scheme == Uri.UriSchemeHttp) builder.Scheme = Uri.UriSchemeHttps;
        return builder.Uri.AbsoluteUri.TrimEnd('/').ToLowerInvariant();
    }

    private static string Hash(string s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)).AsSpan(0, 10));
}
