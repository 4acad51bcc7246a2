using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>A way out (email, Discord): sends one batch to one target and says how it went.</summary>
public interface IDeliveryChannel
{
    /// <summary>Which subscriber kinds this channel delivers to.</summary>
    bool Serves(SubscriberKind kind);

    /// <summary>Sends the batch. A repeat with the same <see cref="DeliveryBatch.IdempotencyKey"/> must be harmless
    /// at the far end (email Message-ID, Discord nonce).</summary>
    Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct);
}
