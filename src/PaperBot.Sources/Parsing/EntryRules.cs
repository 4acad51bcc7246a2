using System.Globalization;
using System.Text.RegularExpressions;
using PaperBot.Core.Papers;

namespace PaperBot.Sources.Parsing;

/// <summary>Rules every parser applies to an entry before it becomes a paper.</summary>
internal static partial class EntryRules
{
    /// <summary>Why a cleaned title is unusable, or null when it is fine.</summary>
    public static string? TitleProblem(string title) =>
        title.Length == 0 ? "the entry has no title"
        : title.Length > ParseLimits.MaxTitleLength
            ? $"the title is {title.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long (limit {ParseLimits.MaxTitleLength.ToString("N0", CultureInfo.InvariantCulture)})"
        : null;

    /// <summary>
    /// Parses an ISO 8601 or RFC 822 date. An unparsable date is dropped (null) and the entry kept:
    /// a paper without a date is still worth an alert, and the store falls back to the first-seen time.
    /// </summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var d))
            return d;
        // RFC 822 numeric offsets (-0500) and zone names that .NET does not read.
        s = Rfc822Offset().Replace(s, "$1:$2");
        s = s.Replace(" GMT", " +00:00", StringComparison.Ordinal).Replace(" UT", " +00:00", StringComparison.Ordinal);
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out d)
            ? d : null;
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Offset();

    /// <summary>One canonical link shape for every source, so merging HF, API and RSS records never flips a link.</summary>
    public static PaperLinks ArxivLinks(ArxivId id) => new()
    {
        Abstract = $"https://arxiv.org/abs/{id.Id}",
        Pdf = $"https://arxiv.org/pdf/{id.Id}",
    };

    /// <summary>An absolute http(s) URL, or null: links reach Discord and email, so <c>javascript:</c>, <c>data:</c>,
    /// <c>file:</c> and the like never enter the domain. A relative link is resolved against <paramref name="baseUri"/>.</summary>
    public static string? HttpUrl(string? text, Uri? baseUri = null)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (Uri.TryCreate(s, UriKind.Absolute, out var uri) && IsHttp(uri)) return uri.AbsoluteUri;
        return baseUri is not null && Uri.TryCreate(baseUri, s, out var resolved) && IsHttp(resolved) ? resolved.AbsoluteUri : null;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    /// <summary>A bare DOI (<c>10.1038/s41586-024-07123-4</c>) from "doi:…", a doi.org URL or the DOI itself; null otherwise.</summary>
    public static string? Doi(string? text)
    {
        var s = TextCleaner.Clean(text);
        foreach (var prefix in (string[])["doi:", "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"])
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..].Trim();
        }
        return s.StartsWith("10.", StringComparison.Ordinal) && s.IndexOf('/', StringComparison.Ordinal) > 3 && !s.Contains(' ', StringComparison.Ordinal) ? s : null;
    }

    /// <summary>Categories cleaned, once each, without the empty and the overlong.</summary>
    public static IReadOnlyList<string> Categories(IEnumerable<string> raw) =>
        [.. raw.Select(TextCleaner.Clean).Where(c => c.Length is > 0 and <= ParseLimits.MaxCategoryLength).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>"A, B and C" and "A and B" into names; a single name is kept whole.</summary>
    public static IReadOnlyList<string> SplitAuthors(string? text)
    {
        var list = new List<string>();
        foreach (var part in TextCleaner.Clean(text).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var names = part.StartsWith("and ", StringComparison.Ordinal) ? [part[4..]] : part.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            list.AddRange(names.Where(n => n.Length > 0));
        }
        return list;
    }
}
