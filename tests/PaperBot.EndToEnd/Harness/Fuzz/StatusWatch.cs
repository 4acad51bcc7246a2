using System.Text.Json;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>
/// The operator's <c>/status</c> read every few hundred milliseconds by one loop, so that many fuzzing loops can wait
/// for a source's next outcome without each polling the process.
/// </summary>
public sealed class StatusWatch : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile Reading? _latest;

    private sealed record Reading(JsonElement Status);

    public StatusWatch(Uri baseUri)
    {
        _http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The state <c>/status</c> gives for <paramref name="source"/> in the latest reading, if any.</summary>
    public JsonElement? Source(string source) =>
        _latest?.Status.GetProperty("sources").EnumerateArray().FirstOrDefault(s => s.GetProperty("source").GetString() == source) is { ValueKind: JsonValueKind.Object } s
            ? s.GetProperty("state") : null;

    /// <summary>Waits until <paramref name="condition"/> holds on a reading; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(Func<StatusWatch, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_latest is not null && condition(this)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // 503 (unhealthy) carries the same document.
                using var response = await _http.GetAsync(new Uri("/status", UriKind.Relative), _stop.Token);
                var text = await response.Content.ReadAsStringAsync(_stop.Token);
                _latest = new Reading(JsonDocument.Parse(text).RootElement.Clone());
            }
            catch (Exception e) when (e is HttpRequestException or JsonException) { /* the next reading */ }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { return; }
            catch (TaskCanceledException) { }
            await Task.Delay(150, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }
}
