using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Polly.Timeout;
using PaperBot.Core.Ingestion;

namespace PaperBot.Sources.Http;

/// <summary>
/// GETs one document with conditional-GET validators (If-None-Match / If-Modified-Since) and a size cap.
/// Transport failures, timeouts and error statuses (after the client's retries) come back as values.
/// </summary>
public static class HttpDocumentFetcher
{
    public static async Task<HttpFetch> GetAsync(HttpClient http, Uri url, CacheValidators known, SourceHttpOptions options, CancellationToken cancellationToken)
    {
        // The client's pipeline times the wait for headers; this also bounds a body that trickles in forever.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(options.TotalTimeout);
        var ct = guard.Token;
        var maxBytes = options.MaxResponseBytes;
        var key = url.AbsoluteUri;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (known.ETags.TryGetValue(key, out var etag) && EntityTagHeaderValue.TryParse(etag, out var tag))
            request.Headers.IfNoneMatch.Add(tag);
        if (known.LastModified.TryGetValue(key, out var lastModified)
            && DateTimeOffset.TryParse(lastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            request.Headers.IfModifiedSince = since;

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var validators = Validators(key, response);
            if (response.StatusCode == HttpStatusCode.NotModified) return new HttpFetch(HttpFetchStatus.NotModified, [], validators, null);
            if (!response.IsSuccessStatusCode)
                return HttpFetch.Failed($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}{await Excerpt(response, ct).ConfigureAwait(false)}");
            if (response.Content.Headers.ContentLength > maxBytes) return HttpFetch.Failed(TooLarge(url, maxBytes));

            var body = await ReadCappedAsync(response.Content, maxBytes, ct).ConfigureAwait(false);
            return body is null ? HttpFetch.Failed(TooLarge(url, maxBytes)) : new HttpFetch(HttpFetchStatus.Ok, body, validators, null, response.Content.Headers.ContentType?.CharSet);
        }
        catch (HttpRequestException e)
        {
            return HttpFetch.Failed($"GET {url} failed: {e.Message}");
        }
        catch (TimeoutRejectedException)
        {
            return HttpFetch.Failed($"GET {url} timed out.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpFetch.Failed($"GET {url} timed out.");
        }
    }

    private static CacheValidators Validators(string key, HttpResponseMessage response)
    {
        var etags = new Dictionary<string, string>();
        var modified = new Dictionary<string, string>();
        if (response.Headers.ETag is { } etag) etags[key] = etag.ToString();
        if (response.Content.Headers.LastModified is { } lm) modified[key] = lm.ToString("R", CultureInfo.InvariantCulture);
        return new CacheValidators(etags, modified);
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // A short piece of an error body says more than the status ("Rate exceeded.", an API message); only the first
    // kilobyte is read, whatever the server sends.
    private static async Task<string> Excerpt(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[1024];
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        var text = System.Text.Encoding.UTF8.GetString(buffer, 0, length).Trim();
        if (text.Length == 0 || text.StartsWith('<')) return "";
        return ": " + (text.Length > 200 ? text[..200] + "…" : text);
    }

    private static string TooLarge(Uri url, long maxBytes) =>
        $"GET {url} returned more than {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes (Sources:Http:MaxResponseBytes).";
}
