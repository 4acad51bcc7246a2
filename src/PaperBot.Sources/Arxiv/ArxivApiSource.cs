using System.Globalization;
using Microsoft.Extensions.Options;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Sources.Http;

namespace PaperBot.Sources.Arxiv;

/// <summary>
/// The arXiv API, newest submissions first, page by page (<c>start</c>, <c>max_results</c>) until a page holds a paper
/// already stored (a latest poll), the result set ends, or <see cref="ArxivOptions.MaxPages"/> is reached.
/// Requests are spaced by the HTTP client's <see cref="SpacingHandler"/>. An empty page inside the result set
/// is an error (arXiv's index lag or throttling), not the end.
/// </summary>
public sealed class ArxivApiSource(HttpClient http, IOptions<ArxivOptions> options, IOptions<SourceHttpOptions> httpOptions, IPaperStore store) : IPaperSource
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
            var url = ArxivQuery.PageUrl(o.BaseUrl, query, start, o.PageSize);
            var fetch = await HttpDocumentFetcher.GetAsync(http, url, CacheValidators.None, httpOptions.Value, cancellationToken).ConfigureAwait(false);
            if (fetch.Status != HttpFetchStatus.Ok) return SourceFetchResult.Failed(fetch.Error ?? $"GET {url} answered 304 to an unconditional request.");

            var page = _parser.ParsePage(new MemoryStream(fetch.Body, writable: false));
            if (page.Result.IsFailure) return SourceFetchResult.Failed(page.Result.Error!);
            if (page.EntryCount == 0)
            {
                if (start == 0 || page.TotalResults is null || start >= page.TotalResults) break;
                return SourceFetchResult.Failed(
                    $"arXiv returned an empty page at start={start.ToString(CultureInfo.InvariantCulture)} of {page.TotalResults.Value.ToString(CultureInfo.InvariantCulture)} results (index lag or throttling); try again later.");
            }

            papers.AddRange(page.Result.Papers.Select(p => new FetchedPaper(p)));
            rejected.AddRange(page.Result.Rejected);
            start += page.EntryCount;

            var reachedStored = !request.IsBackfill && page.Result.Papers.Any(p => store.Find(p.Id) is not null);
            if (reachedStored || page.TotalResults is not { } total || start >= total) break;
        }
        return new SourceFetchResult { Papers = papers, Rejected = rejected };
    }
}
