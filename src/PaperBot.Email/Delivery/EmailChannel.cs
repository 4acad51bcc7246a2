using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Delivery;

/// <summary>
/// Email delivery of alerts and digests, over SMTP or into the pickup folder. The Message-ID comes from the batch's
/// idempotency key, so a re-sent batch is recognisably the same message (and overwrites its own .eml).
/// </summary>
public sealed class EmailChannel(DigestMessageBuilder messages, MailSender sender) : IDeliveryChannel
{
    public bool Serves(SubscriberKind kind) => kind == SubscriberKind.Email;

    public async Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        MimeMessage message;
        try
        {
            message = messages.Build(batch.ToDigest(), batch.IdempotencyKey);
        }
        catch (ParseException)
        {
            return new DeliveryResult.Permanent($"'{PaperText.OneLine(batch.Subscriber.Address)}' is not a valid email address");
        }
        return await sender.SendAsync(message, batch.Subscriber.Address, batch.IdempotencyKey, ct);
    }
}
