using System.Globalization;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>One fuzzed request: any answer below 500 within the bound is a clean outcome; a 5xx, no answer or a
/// dropped connection is a defect, recorded with its input. The one exception: a body over Kestrel's limit is refused
/// with 413 and the connection closed while the client is still sending (RFC 9110 §15.5.14 lets a server close it),
/// so the client sees a failed send; the requests that follow show the service still answers.</summary>
public static class HttpJudge
{
    public static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(15);

    /// <summary>Kestrel's default <c>MaxRequestBodySize</c>, which PaperBot keeps.</summary>
    public const long ServerBodyLimit = 30_000_000;

    /// <returns>The answer (the caller disposes it), or null when there was none.</returns>
    /// <param name="label">How the input was made, for the defect's description.</param>
    /// <param name="bodyBytes">What the request carries when that is not the input itself (an encoded form, a JSON envelope).</param>
    public static async Task<HttpResponseMessage?> SendAsync(FuzzRun run, string kind, string label, byte[] input, Func<CancellationToken, Task<HttpResponseMessage>> send,
        long? bodyBytes = null)
    {
        using var timeout = new CancellationTokenSource(PerRequest);
        try
        {
            var response = await send(timeout.Token);
            var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if ((int)response.StatusCode >= 500) run.Defect(kind, $"{label}: HTTP {code}", input);
            else run.Tried(kind, "HTTP " + code);
            return response;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            run.Defect(kind, $"{label}: no answer within {PerRequest.TotalSeconds} s", input);
        }
        catch (HttpRequestException) when ((bodyBytes ?? input.Length) > ServerBodyLimit)
        {
            run.Tried(kind, "refused over the body limit");
        }
        catch (HttpRequestException e)
        {
            run.Defect(kind, $"{label}: the connection failed: {e.Message}", input);
        }
        return null;
    }
}
