using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>Sends the double opt-in mail for an unconfirmed email subscription; nothing else reaches the address
/// until it is confirmed.</summary>
public interface IConfirmationMailer
{
    Task<DeliveryResult> SendAsync(Subscription subscription, CancellationToken ct);
}
