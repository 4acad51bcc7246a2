namespace PaperBot.Core.Delivery;

/// <summary>
/// Exponential backoff with jitter for transient failures: 30 s, 1 min, 2 min … capped at an hour, each drawn from
/// [half, full] of its step so that many failing targets don't retry in lockstep, and never sooner than the far end
/// asked (Retry-After). There is no last attempt: a transient failure never drops an item.
/// </summary>
public sealed class RetryPolicy(Random random)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Cap = TimeSpan.FromHours(1);

    /// <param name="attempts">Failed attempts so far, including this one (1 for the first failure).</param>
    public DateTimeOffset NextAttempt(int attempts, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var step = First.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var full = Math.Min(step, Cap.TotalSeconds);
        var delay = TimeSpan.FromSeconds(full / 2 + random.NextDouble() * full / 2);
        if (retryAfter is { } asked && asked > delay) delay = asked;
        return now + delay;
    }
}
