using System.Collections.Concurrent;

namespace PaperBot.Discord.Rest.RateLimiting;

/// <summary>
/// The bot-wide limiter every REST call goes through: per-bucket limits learned from the <c>X-RateLimit-*</c> headers
/// (keyed by route and major parameter, shared where Discord names the same bucket), the global limit, 429s waited
/// out, and the invalid-request budget kept far away by suspending targets that keep answering 403/404.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, RateLimitSettings settings)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TargetHealth> _targets = new(StringComparer.Ordinal);
    private readonly GlobalLimit _global = new(time, settings.GlobalPerSecond);
    private readonly Queue<long> _invalid = new();
    private readonly Lock _invalidLock = new();
    private int _created;

    /// <summary>After a 401 every request would be invalid too: none goes out until a restart with a fixed token.</summary>
    public bool TokenRejected { get; set; }

    public Bucket BucketFor(DiscordRoute route)
    {
        if (Interlocked.Increment(ref _created) % 1024 == 0) Prune();
        return _buckets.GetOrAdd(route.Bucket, _ => new Bucket());
    }

    /// <summary>Waits until the bucket (and, for bot routes, the global limit) lets the request go. The caller holds the
    /// bucket's gate, and calls <see cref="Finish"/> once the answer is in. <see cref="Turn.TooLong"/> says how long it
    /// would still have to wait when that is more than the caller may wait (no request goes out then).</summary>
    public async Task<Turn> WaitTurnAsync(Bucket bucket, DiscordRoute route, CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetTimestamp();
            var next = bucket.NextAllowed(now);
            if (next == 0) break;
            var wait = time.GetElapsedTime(now, next);
            if (wait > settings.MaxWait) return new Turn(wait, -1);
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
        var slot = route.Global ? await _global.AcquireAsync(ct).ConfigureAwait(false) : -1;
        if (bucket.Remaining is > 0) bucket.Remaining--;
        return new Turn(null, slot);
    }

    public void Finish(Turn turn)
    {
        if (turn.GlobalSlot >= 0) _global.Release(turn.GlobalSlot);
    }

    /// <summary>What an answer's headers say about its bucket; a named bucket is shared by every route that names it.</summary>
    public void Learn(DiscordRoute route, Bucket bucket, RateLimitHeaders headers)
    {
        var now = time.GetTimestamp();
        if (headers.Limit is { } limit) bucket.Limit = limit;
        if (headers.Remaining is { } remaining) bucket.Remaining = remaining;
        if (headers.ResetAfter is { } resetAfter) bucket.ResetAt = now + Ticks(resetAfter);
        if (headers.Bucket is { Length: > 0 } hash)
        {
            var shared = _buckets.GetOrAdd($"{hash}|{route.Target}", bucket);
            if (!ReferenceEquals(shared, bucket)) _buckets[route.Bucket] = shared;
        }
    }

    /// <summary>A 429: the global limit or this bucket waits <c>retry_after</c>. Returns whether it counts as invalid.</summary>
    public bool RateLimited(Bucket bucket, bool global, string? scope, TimeSpan retryAfter)
    {
        if (global || scope == "global") _global.Block(retryAfter);
        else bucket.BlockedUntil = Math.Max(bucket.BlockedUntil, time.GetTimestamp() + Ticks(retryAfter));
        var invalid = scope != "shared";
        if (invalid) CountInvalid();
        return invalid;
    }

    /// <summary>401 and 403 count towards Discord's invalid-request limit (10,000 per 10 minutes per IP).</summary>
    public void CountInvalid()
    {
        lock (_invalidLock)
        {
            _invalid.Enqueue(time.GetTimestamp());
            PruneInvalid();
        }
    }

    /// <summary>Invalid requests in the last 10 minutes.</summary>
    public int InvalidCount
    {
        get
        {
            lock (_invalidLock)
            {
                PruneInvalid();
                return _invalid.Count;
            }
        }
    }

    /// <summary>The error a suspended target keeps giving, or null when requests to it may go out.</summary>
    public DiscordError? Suspended(DiscordRoute route) =>
        _targets.TryGetValue(route.Target, out var t) && t.SuspendedUntil > time.GetTimestamp() ? t.Last : null;

    /// <summary>Counts refusals in a row per target. A definitive one (unknown channel or webhook, DMs closed) suspends the
    /// target at once; missing access, which an admin may be fixing, after <see cref="RateLimitSettings.RefusalsBeforeSuspension"/>.
    /// A suspended target gets no request for <see cref="RateLimitSettings.Suspension"/>.</summary>
    /// <returns>True when this answer suspended the target.</returns>
    public bool Refused(DiscordRoute route, DiscordError error)
    {
        var health = _targets.GetOrAdd(route.Target, _ => new TargetHealth());
        lock (health)
        {
            health.Refusals++;
            health.Last = error;
            var threshold = error is DiscordError.NoAccess ? settings.RefusalsBeforeSuspension : 1;
            if (health.Refusals < threshold) return false;
            health.SuspendedUntil = time.GetTimestamp() + Ticks(settings.Suspension);
            return true;
        }
    }

    public void Accepted(DiscordRoute route) => _targets.TryRemove(route.Target, out _);

    /// <summary>The owner says the target is fixed: its refusals are forgotten and requests to it go out again.</summary>
    public void Forget(string target) => _targets.TryRemove(target, out _);

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private void PruneInvalid()
    {
        var horizon = time.GetTimestamp() - Ticks(TimeSpan.FromMinutes(10));
        while (_invalid.Count > 0 && _invalid.Peek() < horizon) _invalid.Dequeue();
    }

    /// <summary>Webhook tokens and channels come and go: forget idle buckets whose window ended long ago.</summary>
    private void Prune()
    {
        var horizon = time.GetTimestamp() - Ticks(TimeSpan.FromMinutes(10));
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.ResetAt < horizon && bucket.BlockedUntil < horizon && bucket.Gate.CurrentCount == 1) _buckets.TryRemove(key, out _);
        }
    }

    private sealed class TargetHealth
    {
        public int Refusals { get; set; }
        public DiscordError? Last { get; set; }
        public long SuspendedUntil { get; set; }
    }
}

/// <summary>A request's permission to go out: none when <see cref="TooLong"/> is set; otherwise the global slot it holds.</summary>
internal readonly record struct Turn(TimeSpan? TooLong, int GlobalSlot);

/// <summary>The limiter's fixed numbers: Discord's documented global limit, and PaperBot's own patience.</summary>
internal sealed record RateLimitSettings
{
    public int GlobalPerSecond { get; init; } = 50;

    /// <summary>Longer waits (a long 429, an exhausted bucket far from its reset) answer Transient instead: the outbox
    /// retries later, and nothing is dropped.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);

    public int RefusalsBeforeSuspension { get; init; } = 3;
    /// <summary>Short enough that <c>paperbot resume</c> after a fix takes effect soon in a running service.</summary>
    public TimeSpan Suspension { get; init; } = TimeSpan.FromMinutes(10);
}
