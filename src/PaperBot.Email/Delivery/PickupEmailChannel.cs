using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;

namespace PaperBot.Email.Delivery;

/// <summary>
/// Email delivery through the pickup folder (the embedded default when <c>Email:Smtp:Host</c> is empty): each batch
/// becomes one .eml file. The Message-ID comes from the batch id, so a re-sent batch overwrites its own file and a
/// mail server downstream sees the same Message-ID.
/// </summary>
public sealed class PickupEmailChannel(DigestMessageBuilder messages, PickupDirectoryWriter pickup) : IDeliveryChannel
{
    public bool Serves(SubscriberKind kind) => kind == SubscriberKind.Email;

    public Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var message = messages.Build(batch.ToDigest());
        message.MessageId = $"{batch.IdempotencyKey}@paperbot";
        try
        {
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent(pickup.Write(message)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a permission fixed by the operator: worth retrying, never worth dropping the mail.
            return Task.FromResult<DeliveryResult>(new DeliveryResult.Transient($"cannot write to the pickup folder: {e.Message}"));
        }
    }
}
