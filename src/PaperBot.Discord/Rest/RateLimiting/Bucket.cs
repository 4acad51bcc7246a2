namespace PaperBot.Discord.Rest.RateLimiting;

/// <summary>
/// One rate-limit bucket as the headers describe it. Requests in a bucket go one at a time (<see cref="Gate"/>), so
/// each one sees the remaining count its predecessor's answer reported.
/// </summary>
internal sealed class Bucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left until <see cref="ResetAt"/>; null until the first answer says.</summary>
    public int? Remaining { get; set; }
    public int? Limit { get; set; }
    public long ResetAt { get; set; }

    /// <summary>Set by a 429 for this bucket: nothing goes out before it.</summary>
    public long BlockedUntil { get; set; }

    /// <summary>When the next request may go out (a timestamp of the limiter's clock); 0 for now.</summary>
    public long NextAllowed(long now)
    {
        var at = BlockedUntil;
        if (Remaining is <= 0 && ResetAt > now) at = Math.Max(at, ResetAt);
        return at > now ? at : 0;
    }
}
