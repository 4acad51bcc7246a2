namespace PaperBot.Sources.Http;

/// <summary>Lets requests start one at a time, at least <see cref="Interval"/> apart (arXiv: one request per 3 s).
/// Time comes from a <see cref="TimeProvider"/> so tests can check the spacing without waiting.</summary>
public sealed class RequestSpacer(TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long? _lastStart;

    public TimeSpan Interval { get; } = interval;

    public async Task WaitTurnAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_lastStart is { } last && Interval - time.GetElapsedTime(last) is { } wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            _lastStart = time.GetTimestamp();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}

/// <summary>Puts every attempt (retries included) through a <see cref="RequestSpacer"/>.</summary>
public sealed class SpacingHandler(RequestSpacer spacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await spacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
