using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Outbox;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>
/// One message's worth for one target: an instant alert or a digest, best entries first, with how many more were
/// left out. Everything a channel needs; the same batch (same <see cref="Id"/>) is re-sent identically after a crash.
/// </summary>
/// <param name="Subscription">The subscription whose alert or digest this is; entries may also carry the reasons of
/// the target's other subscriptions for the same paper.</param>
public sealed record DeliveryBatch(string Id, BatchKind Kind, Subscription Subscription, IReadOnlyList<DigestEntry> Entries, int MoreCount, DateTimeOffset CreatedAt)
{
    public Subscriber Subscriber => Subscription.Subscriber;

    /// <summary>The far end drops a repeat with the same key.</summary>
    public string IdempotencyKey => Id;

    public bool IsEmpty => Entries.Count == 0 && MoreCount == 0;

    public Digest ToDigest() => new(Subscription, Entries, MoreCount, CreatedAt);

    /// <summary>A Discord <c>nonce</c> (at most 25 characters) for the <paramref name="part"/>-th message of this batch.</summary>
    public string Nonce(int part) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id}#{part}")).AsSpan(0, 12));
}
