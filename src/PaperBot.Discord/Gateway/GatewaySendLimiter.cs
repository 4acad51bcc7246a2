namespace PaperBot.Discord.Gateway;

/// <summary>
/// Discord disconnects a connection that sends more than 120 events in 60 seconds (docs: Gateway Rate Limiting).
/// A sliding window per connection: a send that would be the 121st in the last 60 s waits until the oldest leaves it.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Waits for a free slot and takes it. Callers serialise their sends (one at a time).</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && _sent.Peek() <= now - Window) _sent.Dequeue();
            if (_sent.Count < Limit)
            {
                _sent.Enqueue(now);
                return;
            }
            await Task.Delay(_sent.Peek() + Window - now, time, ct).ConfigureAwait(false);
        }
    }
}
