using PaperBot.Core.Ingestion;
using PaperBot.Sources.Http;

namespace PaperBot.Sources.Feeds;

/// <summary>A configured RSS/Atom feed (a journal, a blog), fetched conditionally. Feeds hold only their latest
/// items, so a date backfill is skipped.</summary>
public sealed class FeedSource(FeedOptions feed, HttpClient http, SourceHttpOptions httpOptions) : IPaperSource
{
    /// <summary>The named HttpClient all feeds share.</summary>
    public const string HttpClientName = "paperbot-feeds";

    private readonly SyndicationFeedParser _parser = new();

    public string Name { get; } = feed.Name.Trim();

    public async Task<SourceFetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (request.IsBackfill) return new SourceFetchResult { Skipped = "a feed lists only its latest items; it cannot backfill by date." };

        var url = new Uri(feed.Url);
        var fetch = await HttpDocumentFetcher.GetAsync(http, url, request.Validators, httpOptions, cancellationToken).ConfigureAwait(false);
        if (fetch.Status == HttpFetchStatus.Failed) return SourceFetchResult.Failed(fetch.Error!);
        if (fetch.Status == HttpFetchStatus.NotModified) return new SourceFetchResult { NotModified = true, Validators = fetch.Validators };

        var parsed = _parser.Parse(fetch.Body, fetch.Charset);
        if (parsed.IsFailure) return SourceFetchResult.Failed($"{url}: {parsed.Error}");
        return new SourceFetchResult
        {
            Papers = [.. parsed.Papers.Select(p => new FetchedPaper(p))],
            Rejected = parsed.Rejected,
            Validators = fetch.Validators,
        };
    }
}
