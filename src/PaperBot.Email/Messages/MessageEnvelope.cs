using MimeKit;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Email.Messages;

/// <summary>
/// What every PaperBot message shares: From, To, Date and a Message-ID on the domain of <c>Email:From</c>, and the
/// list headers of RFC 2369, 2919 and 8058 on digests. Header values come from configuration, signed links and
/// one-lined text only, never raw paper data.
/// </summary>
public sealed class MessageEnvelope(EmailOptions options)
{
    private readonly MailboxAddress _from = options.FromMailbox;

    public string Domain => _from.Domain.ToLowerInvariant();

    /// <summary><c>&lt;IdempotencyKey&gt;@&lt;domain of Email:From&gt;</c>: a retry of the same batch carries the same id.</summary>
    public string MessageId(string idempotencyKey) =>
        string.Concat(idempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + "@" + Domain;

    public MimeMessage Create(Subscriber to, string subject, DateTimeOffset date, string messageId)
    {
        var message = new MimeMessage();
        // A copy: an address list subscribes to its addresses' Changed event, so a shared address would keep every
        // message ever built alive.
        message.From.Add(new MailboxAddress(_from.Name, _from.Address));
        message.To.Add(MailboxAddress.Parse(to.Address));
        message.Subject = PaperText.OneLine(subject);
        message.Date = date;
        message.MessageId = messageId;
        return message;
    }

    /// <summary>List-Id, and one-click unsubscribe: the signed https link first, then a mailto to the sender.</summary>
    public void AddListHeaders(MimeMessage message, string unsubscribeUrl, string subscriptionId)
    {
        message.Headers.Add("List-Id", $"PaperBot <paperbot.{Domain}>");
        var mailto = $"mailto:{_from.Address}?subject={Uri.EscapeDataString("unsubscribe " + subscriptionId)}";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>, <{mailto}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /// <summary>A signed link as printed in a message; a link that is not absolute http(s) is a bug in the issuer.</summary>
    public static string Link(Uri link) =>
        SafeLink.Http(link.IsAbsoluteUri ? link.AbsoluteUri : null) ?? throw new InvalidOperationException($"subscriber link '{link}' is not an absolute http(s) URL");
}
