using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Messages;

namespace PaperBot.Email.Delivery;

/// <summary>Sends the double opt-in mail through the same transport as digests; never to a suppressed address.</summary>
public sealed class ConfirmationMailer(ConfirmationMessageBuilder messages, MailSender sender, ISuppressionList suppressions) : IConfirmationMailer
{
    public async Task<DeliveryResult> SendAsync(Subscription subscription, CancellationToken ct)
    {
        if (subscription.Subscriber.Kind != SubscriberKind.Email)
            return new DeliveryResult.Permanent("only email subscriptions are confirmed by mail");
        var address = subscription.Subscriber.Address;
        if (suppressions.Find(address) is { } suppressed)
            return new DeliveryResult.Permanent($"the address refused mail before ({suppressed.Reason})");
        MimeMessage message;
        try
        {
            message = messages.Build(subscription);
        }
        catch (ParseException)
        {
            return new DeliveryResult.Permanent($"'{PaperText.OneLine(address)}' is not a valid email address");
        }
        return await sender.SendAsync(message, address, retryKey: null, ct);
    }
}

/// <summary>With <c>Email:From</c> empty there is no mail at all, and a subscriber can't be confirmed by mail.</summary>
public sealed class EmailOffConfirmationMailer : IConfirmationMailer
{
    public Task<DeliveryResult> SendAsync(Subscription subscription, CancellationToken ct) =>
        Task.FromResult<DeliveryResult>(new DeliveryResult.Permanent("email is off (set Email:From to send mail)"));
}
