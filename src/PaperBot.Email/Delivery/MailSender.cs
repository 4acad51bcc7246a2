using MimeKit;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Health;
using PaperBot.Email.Signing;
using PaperBot.Email.Transport;

namespace PaperBot.Email.Delivery;

/// <summary>
/// The one way a finished message leaves: DKIM-signed when configured, handed to the transport, counted, and an
/// address the far end refused for good is written to the suppression list (which <c>/subscribe</c> checks).
/// </summary>
public sealed class MailSender(IMailTransport transport, DkimSigning dkim, ISuppressionList suppressions, EmailHealth health,
    EmailMetrics metrics, TimeProvider time, ILogger<MailSender> log)
{
    /// <param name="retryKey">The idempotency key a retry reuses (digests); null for one-off messages.</param>
    public async Task<DeliveryResult> SendAsync(MimeMessage message, string address, string? retryKey, CancellationToken ct)
    {
        dkim.Sign(message);
        var started = time.GetTimestamp();
        var outcome = await transport.SendAsync(message, ct);
        var now = time.GetUtcNow();
        metrics.Record(outcome.Result, time.GetElapsedTime(started));
        health.Record(outcome.Result, now, retryKey);
        if (outcome is { RejectsAddress: true, Result: DeliveryResult.Permanent permanent })
        {
            suppressions.Add(new Suppression(address, permanent.Reason, now));
            log.LogWarning("Suppressed {Address}: {Reason}", address, permanent.Reason);
        }
        return outcome.Result;
    }
}
