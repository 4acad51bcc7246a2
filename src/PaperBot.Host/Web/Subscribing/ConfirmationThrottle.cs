using System.Threading.RateLimiting;

namespace PaperBot.Host.Web.Subscribing;

/// <summary>
/// At most <see cref="PerAddress"/> confirmation mails to one address per <see cref="Window"/>, whoever asks: a form
/// cannot be used to flood someone's inbox. Over the limit the form answers as usual and sends nothing, so the
/// limit reveals nothing about the address. (Per client, the endpoint's rate limiter applies.)
/// </summary>
public sealed class ConfirmationThrottle : IDisposable
{
    public const int PerAddress = 3;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerAddress, Window = Window, QueueLimit = 0 }));

    /// <param name="targetKey">The subscriber's key (the address, lower-cased).</param>
    public bool TryTake(string targetKey)
    {
        using var lease = _limiter.AttemptAcquire(targetKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
