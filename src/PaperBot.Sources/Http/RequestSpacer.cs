namespace PaperBot.Sources.Http;

/// <summary>
/// Lets requests run one at a time, each starting at least <see cref="Interval"/> after the previous one finished
/// (arXiv: one request every 3 s). Measuring from the end, not the start, keeps the gap the server sees at or above
/// the interval however long the previous request spent in transit. Time comes from a <see cref="TimeProvider"/>,
/// so tests can check the spacing without waiting.
/// </summary>
public sealed class RequestSpacer(TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeProvider _time = time;
    private long? _lastEnd;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Waits for this request's turn; dispose the result when the request has finished.</summary>
    public async Task<IDisposable> WaitTurnAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_lastEnd is { } last && Interval - _time.GetElapsedTime(last) is { } wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            return new Turn(this);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(RequestSpacer owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            owner._lastEnd = owner._time.GetTimestamp();
            owner._turn.Release();
        }
    }
}

/// <summary>Puts every attempt (retries included) through a <see cref="RequestSpacer"/>.</summary>
public sealed class SpacingHandler(RequestSpacer spacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var turn = await spacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
