using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PaperBot.Core.Papers;

/// <summary>
/// An arXiv identifier split into the bare id (the canonical key) and its version (data).
/// Accepts every form seen in the wild: <c>2503.01234</c>, <c>2503.01234v2</c>, <c>arXiv:2503.01234</c>,
/// <c>https://arxiv.org/abs/2503.01234v2</c>, <c>/pdf/2503.01234v2.pdf</c>, <c>oai:arXiv.org:2503.01234v2</c>,
/// and old-style <c>hep-th/9901001v1</c> or <c>math.GT/0309136</c>.
/// </summary>
public readonly partial record struct ArxivId(string Id, int? Version)
{
    // New style: YYMM.NNNN (2007–2014) or YYMM.NNNNN (2015+). Old style: archive[.SUBJ]/YYMMNNN.
    [GeneratedRegex(@"^(?<id>\d{4}\.\d{4,5})(?:v(?<v>\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"^(?<id>(?<arch>[a-z]+(?:-[a-z]+)*)(?:\.(?<subj>[A-Za-z]{2}))?/\d{7})(?:v(?<v>\d{1,4}))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OldStyle();

    public override string ToString() => Version is { } v ? $"{Id}v{v}" : Id;

    public static ArxivId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an arXiv identifier.");

    public static bool TryParse([NotNullWhen(true)] string? text, out ArxivId result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300) return false;
        var s = text.Trim();

        s = StripPrefix(s, "oai:arXiv.org:");
        s = StripPrefix(s, "arXiv:");
        if (s.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || !uri.Host.EndsWith("arxiv.org", StringComparison.OrdinalIgnoreCase)) return false;
            s = uri.AbsolutePath;
        }
        s = StripPathPrefix(s);
        if (s.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) s = s[..^4];
        s = s.TrimEnd('/');

        var m = NewStyle().Match(s);
        if (!m.Success) m = OldStyle().Match(s);
        if (!m.Success) return false;

        var id = m.Groups["id"].Value;
        if (m.Groups["arch"].Success)
        {
            // Archive names are lower case; the subject class (math.GT) keeps its upper case.
            var slash = id.IndexOf('/', StringComparison.Ordinal);
            var head = id[..slash];
            var dot = head.IndexOf('.', StringComparison.Ordinal);
            head = dot < 0 ? head.ToLowerInvariant() : head[..dot].ToLowerInvariant() + "." + head[(dot + 1)..].ToUpperInvariant();
            id = head + id[slash..];
        }
        int? version = m.Groups["v"].Success ? int.Parse(m.Groups["v"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        if (version == 0) return false;
        result = new ArxivId(id, version);
        return true;
    }

    private static string StripPrefix(string s, string prefix) =>
        s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? s[prefix.Length..] : s;

    private static string StripPathPrefix(string s)
    {
        foreach (var p in (ReadOnlySpan<string>)["/abs/", "/pdf/", "/html/", "/format/", "abs/", "pdf/"])
        {
            var i = s.IndexOf(p, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && (p[0] == '/' || i == 0)) return s[(i + p.Length)..];
        }
        return s;
    }
}
