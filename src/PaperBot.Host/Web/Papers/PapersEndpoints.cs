using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Search;
using PaperBot.Host.Web.Pages;

namespace PaperBot.Host.Web.Papers;

/// <summary>
/// <c>GET /papers</c> and <c>/papers/{date}</c>: a day's papers, trending (most upvoted) or newest, like Hugging Face
/// Daily Papers; with <c>?q=</c>, a search of every paper in the query language (errors shown with their position).
/// Without a date, the latest day that has papers.
/// </summary>
public static class PapersEndpoints
{
    public const int PageSize = 50;

    public static void MapPapers(this WebApplication app)
    {
        app.MapGet("/papers", (string? q, string? sort, int? page, IPaperSearch search, TimeProvider time, PageRenderer pages) =>
            PageAsync(null, q, sort, page, search, time, pages));
        app.MapGet("/papers/{date}", (string date, string? q, string? sort, int? page, IPaperSearch search, TimeProvider time, PageRenderer pages) =>
            DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? PageAsync(day, q, sort, page, search, time, pages)
                : pages.MessageAsync("No such date", "Dates look like 2025-03-14.", StatusCodes.Status404NotFound));
    }

    private static async Task<IResult> PageAsync(DateOnly? date, string? q, string? sort, int? page, IPaperSearch search, TimeProvider time, PageRenderer pages)
    {
        var query = (q ?? "").Trim();
        var searching = query.Length > 0;
        var order = sort switch { "newest" => SearchSort.Newest, "trending" => SearchSort.MostUpvoted, _ => searching ? SearchSort.Relevance : SearchSort.MostUpvoted };
        var number = Math.Clamp(page ?? 1, 1, 200);
        var day = date ?? LatestDay(search, time);
        var since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var request = searching
            ? new SearchRequest { Text = query, Sort = order, Offset = (number - 1) * PageSize, Limit = PageSize }
            : new SearchRequest { Since = since, Until = since.AddDays(1), Sort = order, Offset = (number - 1) * PageSize, Limit = PageSize };
        var results = search.Search(request);

        var self = searching ? "/papers" : $"/papers/{Iso(day)}";
        string Link(string? s, int p) => self + Query(("q", searching ? query : null), ("sort", s), ("page", p > 1 ? p.ToString(CultureInfo.InvariantCulture) : null));
        var sortName = order switch { SearchSort.Newest => "newest", SearchSort.MostUpvoted => "trending", _ => "relevance" };
        return await pages.PageAsync("papers", searching ? $"Papers matching {query}" : $"Papers of {Iso(day)}", new
        {
            Searching = searching,
            Query = query,
            Date = Iso(day),
            PreviousUrl = $"/papers/{Iso(day.AddDays(-1))}",
            NextUrl = $"/papers/{Iso(day.AddDays(1))}",
            Sort = sortName,
            TrendingUrl = Link("trending", 1),
            NewestUrl = Link("newest", 1),
            RelevanceUrl = Link(null, 1),
            Error = results.Error is { } error ? Subscribing.QueryErrorView.Of(query, error) : null,
            results.Total,
            Papers = results.Hits.Select(h => PaperCard.Of(h, searching)).ToList(),
            PreviousPageUrl = number > 1 ? Link(sortName == "relevance" ? null : sortName, number - 1) : null,
            NextPageUrl = number * PageSize < results.Total ? Link(sortName == "relevance" ? null : sortName, number + 1) : null,
            SubscribeUrl = "/" + Query(("query", searching ? query : null)),
        }, results.Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>The day of the newest stored paper (today when there is none).</summary>
    private static DateOnly LatestDay(IPaperSearch search, TimeProvider time)
    {
        var newest = search.Latest(1) is [var paper] ? paper.PublishedAt ?? paper.FirstSeenAt : time.GetUtcNow();
        return DateOnly.FromDateTime(newest.UtcDateTime);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parts)
    {
        var present = parts.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }
}
