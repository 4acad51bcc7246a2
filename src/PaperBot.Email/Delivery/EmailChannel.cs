using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Delivery;

/// <summary>
/// Email delivery of alerts and digests, over SMTP or into the pickup folder. The Message-ID comes from the batch's
/// idempotency key, so a re-sent batch is recognisably the same message (and overwrites its own .eml). Open incidents
/// the address was not told of yet ride along as notices, and count as told once the message was accepted.
/// </summary>
public sealed class EmailChannel(DigestMessageBuilder messages, MailSender sender, DigestNotices notices) : IDeliveryChannel
{
    public bool Serves(SubscriberKind kind) => kind == SubscriberKind.Email;

    public async Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = notices.PendingFor(batch.Subscriber);
        MimeMessage message;
        try
        {
            message = messages.Build(batch.ToDigest(), batch.IdempotencyKey, [.. pending.Select(p => p.Line)]);
        }
        catch (ParseException)
        {
            return new DeliveryResult.Permanent($"'{PaperText.OneLine(batch.Subscriber.Address)}' is not a valid email address");
        }
        var result = await sender.SendAsync(message, batch.Subscriber.Address, batch.IdempotencyKey, ct);
        if (result is DeliveryResult.Sent) notices.Told(pending.Select(p => p.Incident), batch.Subscriber);
        return result;
    }
}
