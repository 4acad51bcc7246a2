using System.Globalization;
using PaperBot.Core.Ingestion;

namespace PaperBot.Sources.Arxiv;

/// <summary>Builds arXiv API query URLs: the categories OR'ed, newest submissions first, optionally limited to the
/// submission dates of a backfill.</summary>
internal static class ArxivQuery
{
    public static string SearchQuery(IReadOnlyList<string> categories, FetchRequest request)
    {
        var cats = string.Join(" OR ", categories.Select(c => "cat:" + c.Trim()));
        if (request.From is not { } from) return cats;
        var to = request.To ?? from;
        var range = $"submittedDate:[{from.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}0000 TO {to.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}2359]";
        return categories.Count > 1 ? $"({cats}) AND {range}" : $"{cats} AND {range}";
    }

    public static Uri PageUrl(string baseUrl, string searchQuery, int start, int pageSize) =>
        new(new Uri(baseUrl.TrimEnd('/') + "/"),
            "api/query?search_query=" + Uri.EscapeDataString(searchQuery)
            + "&sortBy=submittedDate&sortOrder=descending"
            + "&start=" + start.ToString(CultureInfo.InvariantCulture)
            + "&max_results=" + pageSize.ToString(CultureInfo.InvariantCulture));
}
