namespace PaperBot.Discord.Rest.RateLimiting;

/// <summary>
/// The bot-wide limit (50 requests per second, docs: Global Rate Limit) as 50 slots. A slot is taken when a request
/// goes out and is free again one second after its answer came back: Discord saw the request before we saw the answer,
/// so no second of Discord's clock can see more than 50, however long requests spend on the way. A global 429 blocks
/// every slot until its <c>retry_after</c>.
/// </summary>
internal sealed class GlobalLimit
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _idle;
    private readonly Lock _lock = new();
    private readonly long[] _freeAt;
    private readonly bool[] _busy;
    private readonly long _window;
    private long _blockedUntil;

    public GlobalLimit(TimeProvider time, int perSecond)
    {
        _time = time;
        _idle = new SemaphoreSlim(perSecond, perSecond);
        _freeAt = new long[perSecond];
        _busy = new bool[perSecond];
        _window = time.TimestampFrequency;
    }

    /// <returns>The slot to <see cref="Release"/> when the answer is in.</returns>
    public async Task<int> AcquireAsync(CancellationToken ct)
    {
        await _idle.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                long wait;
                lock (_lock)
                {
                    var slot = -1;
                    for (var i = 0; i < _freeAt.Length; i++)
                    {
                        if (!_busy[i] && (slot < 0 || _freeAt[i] < _freeAt[slot])) slot = i;
                    }
                    var now = _time.GetTimestamp();
                    var at = Math.Max(_freeAt[slot], _blockedUntil);
                    if (at <= now)
                    {
                        _busy[slot] = true;
                        return slot;
                    }
                    wait = at - now;
                }
                await Task.Delay(TimeSpan.FromSeconds(wait / (double)_time.TimestampFrequency), _time, ct).ConfigureAwait(false);
            }
        }
        catch
        {
            _idle.Release();
            throw;
        }
    }

    public void Release(int slot)
    {
        lock (_lock)
        {
            _busy[slot] = false;
            _freeAt[slot] = _time.GetTimestamp() + _window;
        }
        _idle.Release();
    }

    public void Block(TimeSpan retryAfter)
    {
        lock (_lock) _blockedUntil = Math.Max(_blockedUntil, _time.GetTimestamp() + (long)(retryAfter.TotalSeconds * _time.TimestampFrequency));
    }
}
