using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email;
using PaperBot.Email.Pickup;

namespace PaperBot.Host.Web.Links;

/// <summary>
/// A plain-text double opt-in mail written to the pickup folder. Registered only while no email adapter provides
/// <see cref="IConfirmationMailer"/> (the SMTP and template work replaces it).
/// </summary>
public sealed class PickupConfirmationMailer(EmailOptions email, PickupDirectoryWriter pickup, ISubscriberLinks links, TimeProvider time) : IConfirmationMailer
{
    public Task<DeliveryResult> SendAsync(Subscription subscription, CancellationToken ct)
    {
        if (!email.Enabled) return Task.FromResult<DeliveryResult>(new DeliveryResult.Permanent("email is off (Email:From is empty)"));
        var from = MailboxAddress.Parse(email.From);
        var message = new MimeMessage
        {
            Subject = "Confirm your PaperBot subscription",
            Date = time.GetUtcNow(),
            MessageId = $"confirm-{subscription.Id}-{time.GetUtcNow().ToUnixTimeSeconds()}@{from.Domain}",
            Body = new TextPart("plain")
            {
                Text = $"Someone, hopefully you, asked to receive papers matching\n\n    {subscription.Query}\n\nat this address. "
                    + $"To confirm, open:\n\n{links.Link(LinkPurpose.Confirm, subscription.Subscriber, subscription.Id)}\n\n"
                    + "If it was not you, ignore this mail: nothing will be sent.\n",
            },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(subscription.Subscriber.Address));
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent(pickup.Write(message)));
    }
}
