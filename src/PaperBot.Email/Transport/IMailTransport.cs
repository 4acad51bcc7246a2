using MimeKit;
using PaperBot.Core.Delivery;

namespace PaperBot.Email.Transport;

/// <summary>How one send went; <paramref name="RejectsAddress"/> when the far end refused the recipient or the message for good (5xx).</summary>
public sealed record SendOutcome(DeliveryResult Result, bool RejectsAddress = false);

/// <summary>Where finished messages go: an SMTP server or the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>"smtp" or "pickup": a public fact for health and logs, never a server address.</summary>
    string Kind { get; }

    /// <summary>Sends one message; expected failures are outcomes, not exceptions. Sent means the final 250 arrived.</summary>
    Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken ct);
}
