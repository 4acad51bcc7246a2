using Microsoft.Extensions.Options;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Http;

namespace PaperBot.Sources.Arxiv;

/// <summary>
/// arXiv's daily announcement feed for the configured categories (<c>/rss/cs.AI+cs.LG</c>), fetched conditionally.
/// Every announced paper is stored; only the configured announce types may alert. The feed holds only the latest
/// announcement, so it cannot backfill by date (the arXiv API source can).
/// </summary>
public sealed class ArxivRssSource(HttpClient http, IOptions<ArxivRssOptions> options, IOptions<SourceHttpOptions> httpOptions) : IPaperSource
{
    private readonly ArxivRssParser _parser = new();

    public string Name => PaperSources.ArxivRss;

    public async Task<SourceFetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (request.IsBackfill) return new SourceFetchResult { Skipped = "arXiv RSS lists only the latest announcement; backfill with the arxiv source." };

        var o = options.Value;
        var url = new Uri(new Uri(o.BaseUrl.TrimEnd('/') + "/"), "rss/" + string.Join("+", o.Categories.Select(c => c.Trim())));
        var fetch = await HttpDocumentFetcher.GetAsync(http, url, request.Validators, httpOptions.Value, cancellationToken).ConfigureAwait(false);
        if (fetch.Status == HttpFetchStatus.Failed) return SourceFetchResult.Failed(fetch.Error!);
        if (fetch.Status == HttpFetchStatus.NotModified) return new SourceFetchResult { NotModified = true, Validators = fetch.Validators };

        var listing = _parser.ParseListing(new MemoryStream(fetch.Body, writable: false));
        if (listing.Error is not null) return SourceFetchResult.Failed($"{url}: {listing.Error}");

        var alerting = o.EffectiveAnnounceTypes.Select(t => t.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return new SourceFetchResult
        {
            Papers = [.. listing.Announcements.Select(a => new FetchedPaper(a.Paper, alerting.Contains(a.AnnounceType)))],
            Rejected = listing.Rejected,
            NoAnnouncement = listing.NoAnnouncement,
            Validators = fetch.Validators,
        };
    }
}
