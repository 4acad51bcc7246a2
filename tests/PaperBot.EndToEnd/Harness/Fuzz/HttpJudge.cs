using System.Globalization;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>One fuzzed request: any answer below 500 within the bound is a clean outcome; a 5xx, no answer or a
/// dropped connection is a defect, recorded with its input.</summary>
public static class HttpJudge
{
    public static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(15);

    /// <returns>The answer (the caller disposes it), or null when there was none.</returns>
    /// <param name="label">How the input was made, for the defect's description.</param>
    public static async Task<HttpResponseMessage?> SendAsync(FuzzRun run, string kind, string label, byte[] input, Func<CancellationToken, Task<HttpResponseMessage>> send)
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
        catch (HttpRequestException e)
        {
            run.Defect(kind, $"{label}: the connection failed: {e.Message}", input);
        }
        return null;
    }
}
