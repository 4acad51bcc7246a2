using System.Globalization;
using Microsoft.Extensions.Options;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Http;

namespace PaperBot.Sources.HuggingFace;

/// <summary>Hugging Face Daily Papers: today's list, or one request per day (<c>?date=YYYY-MM-DD</c>) for a backfill.</summary>
public sealed class HuggingFaceSource(HttpClient http, IOptions<HuggingFaceOptions> options, IOptions<SourceHttpOptions> httpOptions) : IPaperSource
{
    private readonly HuggingFaceParser _parser = new();

    public string Name => PaperSources.HuggingFace;

    public async Task<SourceFetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var urls = request.IsBackfill ? request.Days().Select(d => UrlFor(d)).ToArray() : [UrlFor(null)];
        var papers = new List<FetchedPaper>();
        var rejected = new List<RejectedEntry>();
        var validators = CacheValidators.None;
        var notModified = 0;
        foreach (var url in urls)
        {
            var fetch = await HttpDocumentFetcher.GetAsync(http, url, request.Validators, httpOptions.Value, cancellationToken).ConfigureAwait(false);
            validators = validators.With(fetch.Validators);
            if (fetch.Status == HttpFetchStatus.Failed) return SourceFetchResult.Failed(fetch.Error!);
            if (fetch.Status == HttpFetchStatus.NotModified) { notModified++; continue; }

            var parsed = _parser.Parse(new MemoryStream(fetch.Body, writable: false));
            if (parsed.IsFailure) return SourceFetchResult.Failed($"{url}: {parsed.Error}");
            papers.AddRange(parsed.Papers.Select(p => new FetchedPaper(p)));
            rejected.AddRange(parsed.Rejected);
        }
        return new SourceFetchResult { Papers = papers, Rejected = rejected, Validators = validators, NotModified = notModified == urls.Length };
    }

    private Uri UrlFor(DateOnly? day)
    {
        var limit = options.Value.Limit.ToString(CultureInfo.InvariantCulture);
        var query = day is { } d ? $"date={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&limit={limit}" : $"limit={limit}";
        return new Uri(new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"), "api/daily_papers?" + query);
    }
}
