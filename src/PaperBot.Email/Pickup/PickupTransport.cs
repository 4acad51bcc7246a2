using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Email.Transport;

namespace PaperBot.Email.Pickup;

/// <summary>The embedded default when <c>Email:Smtp:Host</c> is empty: each message becomes an .eml file.</summary>
public sealed class PickupTransport(PickupDirectoryWriter writer) : IMailTransport
{
    public string Kind => "pickup";

    public Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(new SendOutcome(new DeliveryResult.Sent(writer.Write(message))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a permission fixed by the operator: worth retrying, never worth dropping the mail.
            return Task.FromResult(new SendOutcome(new DeliveryResult.Transient($"cannot write to the pickup folder: {e.Message}")));
        }
    }
}
