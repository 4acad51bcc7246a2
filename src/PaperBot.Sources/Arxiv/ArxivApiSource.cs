using System.Globalization;
using Microsoft.Extensions.Options;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Sources.Http;

namespace PaperBot.Sources.Arxiv;

/// <summary>
/// The arXiv API, newest submissions first, page by page (<c>start</c>, <c>max_results</c>) until a page holds a paper
/// this source stored before (a latest poll), the result set ends, or <see cref="ArxivOptions.MaxPages"/> is reached.
/// Requests are spaced by the HTTP client's <see cref="SpacingHandler"/>. A throttled page ("Rate exceeded.") or an
/// empty page inside the result set (index lag) is tried again a few times, then fails the run — never read as the end.
/// </summary>
public sealed class ArxivApiSource(HttpClient http, IOptions<ArxivOptions> options, IOptions<SourceHttpOptions> httpOptions, IPaperStore store, TimeProvider time)
    : IPaperSource
{
    private readonly ArxivAtomParser _parser = new();

    public string Name => PaperSources.Arxiv;

    public async Task<SourceFetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var query = ArxivQuery.SearchQuery(o.Categories, request);
        var papers = new List<FetchedPaper>();
        var rejected = new List<RejectedEntry>();
        var start = 0;
        for (var pageNumber = 0; pageNumber < o.MaxPages; pageNumber++)
        {
            var (page, error) = await FetchPageWithRetriesAsync(o, query, start, cancellationToken).ConfigureAwait(false);
            if (error is not null) return SourceFetchResult.Failed(error);
            if (page!.EntryCount == 0) break;

            papers.AddRange(page.Result.Papers.Select(p => new FetchedPaper(p)));
            rejected.AddRange(page.Result.Rejected);
            start += page.EntryCount;

            var reachedStored = !request.IsBackfill && page.Result.Papers.Any(SeenHereBefore);
            if (reachedStored || page.TotalResults is not { } total || start >= total) break;
        }
        return new SourceFetchResult { Papers = papers, Rejected = rejected };
    }

    /// <summary>Stored from this source before: the end of what is new here. A paper another source stored first (the
    /// day's Hugging Face picks are on arXiv too) says nothing about the arXiv papers listed after it.</summary>
    private bool SeenHereBefore(Paper paper) => store.Find(paper.Id)?.Sources.Any(s => s.Source == Name) == true;

    private async Task<(ArxivAtomPage? Page, string? Error)> FetchPageWithRetriesAsync(ArxivOptions o, string query, int start, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (page, error, transient) = await FetchPageAsync(o, query, start, ct).ConfigureAwait(false);
            if (error is null || !transient || attempt >= o.PageRetries) return (page, error);
            await Task.Delay(o.PageRetryDelay * Math.Pow(2, attempt), time, ct).ConfigureAwait(false);
        }
    }

    private async Task<(ArxivAtomPage? Page, string? Error, bool Transient)> FetchPageAsync(ArxivOptions o, string query, int start, CancellationToken ct)
    {
        var url = ArxivQuery.PageUrl(o.BaseUrl, query, start, o.PageSize);
        // Error statuses (429, 503) were already retried by the client's resilience pipeline.
        var fetch = await HttpDocumentFetcher.GetAsync(http, url, CacheValidators.None, httpOptions.Value, ct).ConfigureAwait(false);
        if (fetch.Status != HttpFetchStatus.Ok) return (null, fetch.Error ?? $"GET {url} answered 304 to an unconditional request.", false);

        var page = _parser.ParsePage(new MemoryStream(fetch.Body, writable: false));
        if (page.Result.IsFailure) return (null, page.Result.Error, page.Throttled);
        if (page.EntryCount == 0 && page.TotalResults is { } total && start < total)
            return (null, $"arXiv returned an empty page at start={start.ToString(CultureInfo.InvariantCulture)} of {total.ToString(CultureInfo.InvariantCulture)} results (index lag or throttling); try again later.", true);
        return (page, null, false);
    }
}
