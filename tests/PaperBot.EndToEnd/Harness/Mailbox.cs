using System.Text.RegularExpressions;
using MimeKit;
using PaperBot.Testing.Smtp;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// The far end of SMTP as a mailbox provider sees it: every accepted message, and the distinct ones by Message-ID
/// (a provider drops a repeat of one it already has, so a resend after a crash is not a duplicate; two different
/// Message-IDs carrying the same paper are).
/// </summary>
public sealed partial class Mailbox(SmtpTestServer smtp)
{
    /// <summary>Every message the server accepted, repeats included.</summary>
    public IReadOnlyList<MimeMessage> Accepted => [.. smtp.Messages.Select(m => m.Parse())];

    /// <summary>One message per Message-ID, the first received.</summary>
    public IReadOnlyList<MimeMessage> Distinct => [.. Accepted.GroupBy(m => m.MessageId, StringComparer.Ordinal).Select(g => g.First())];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Distinct.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The confirmation mails to <paramref name="address"/> (their subject asks to confirm).</summary>
    public IReadOnlyList<MimeMessage> Confirmations(string address) =>
        [.. To(address).Where(m => m.TextBody?.Contains("/confirm/", StringComparison.Ordinal) == true)];

    /// <summary>The digests and alerts to <paramref name="address"/> (everything but confirmations).</summary>
    public IReadOnlyList<MimeMessage> Papers(string address) =>
        [.. To(address).Where(m => m.TextBody?.Contains("/confirm/", StringComparison.Ordinal) != true)];

    public static Uri ConfirmLink(MimeMessage message) =>
        new(ConfirmPattern().Match(message.TextBody ?? "") is { Success: true } m ? m.Value : throw new InvalidOperationException("no confirmation link in:\n" + message.TextBody));

    [GeneratedRegex(@"https?://[^\s<>""]+/confirm/[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmPattern();
}
