namespace PaperBot.Testing.Discord;

/// <summary>
/// The fake's own enforcement, like Discord's: a global limit per one-second window and per-channel buckets
/// (limit per period), both as fixed windows on the fake's clock. Exceeding either is an unexpected 429 — a client
/// that reads the headers never sees one.
/// </summary>
internal sealed class FakeRateLimits(TimeProvider time)
{
    private readonly Dictionary<string, Window> _buckets = new(StringComparer.Ordinal);
    private Window _global = new(0, 0);

    public int GlobalPerSecond { get; set; } = 50;
    public int BucketLimit { get; set; } = 5;
    public TimeSpan BucketPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Null when the request may proceed, otherwise how long until the global window ends.</summary>
    public TimeSpan? TakeGlobal()
    {
        var now = time.GetTimestamp();
        var second = time.TimestampFrequency;
        if (now >= _global.ResetAt) _global = new Window(now + second, 0);
        if (_global.Used >= GlobalPerSecond) return Seconds(_global.ResetAt - now);
        _global = _global with { Used = _global.Used + 1 };
        return null;
    }

    /// <summary>Takes one request from the bucket <paramref name="key"/>; says what the headers should report.</summary>
    public (bool Allowed, int Remaining, TimeSpan ResetAfter) TakeBucket(string key)
    {
        var now = time.GetTimestamp();
        if (!_buckets.TryGetValue(key, out var w) || now >= w.ResetAt)
            w = new Window(now + (long)(BucketPeriod.TotalSeconds * time.TimestampFrequency), 0);
        var allowed = w.Used < BucketLimit;
        if (allowed) w = w with { Used = w.Used + 1 };
        _buckets[key] = w;
        return (allowed, BucketLimit - w.Used, Seconds(w.ResetAt - now));
    }

    private TimeSpan Seconds(long ticks) => TimeSpan.FromSeconds(ticks / (double)time.TimestampFrequency);

    private sealed record Window(long ResetAt, int Used);
}
