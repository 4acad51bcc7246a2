using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Templates;

namespace PaperBot.Email.Messages;

/// <summary>
/// A digest as a multipart/alternative message (text/plain, then HTML; UTF-8) from the templates, with the list
/// headers. It stays under <see cref="MaxBytes"/> (Gmail clips larger messages): abstracts are trimmed first, then
/// the last papers are left out and counted in "and N more".
/// </summary>
public sealed class DigestMessageBuilder(MessageEnvelope envelope, EmailTemplates templates, ISubscriberLinks links)
{
    /// <summary>Leaves room under 100 KB for a DKIM signature and the Received headers added on the way.</summary>
    public const int MaxBytes = 98_000;

    public MimeMessage Build(Digest digest, string idempotencyKey)
    {
        var s = digest.Subscription;
        var manage = MessageEnvelope.Link(links.Link(LinkPurpose.Manage, s.Subscriber));
        var unsubscribe = MessageEnvelope.Link(links.Link(LinkPurpose.Unsubscribe, s.Subscriber, s.Id));
        var messageId = envelope.MessageId(idempotencyKey);

        MimeMessage Compose(int shown, TextBudget budget)
        {
            var view = DigestViewFactory.Create(digest, shown, budget, manage, unsubscribe);
            var message = envelope.Create(s.Subscriber, view.Preheader, digest.CreatedAt, messageId);
            envelope.AddListHeaders(message, unsubscribe, s.Id);
            message.Body = new BodyBuilder
            {
                TextBody = templates.Render(EmailTemplates.DigestText, view),
                HtmlBody = templates.Render(EmailTemplates.DigestHtml, view),
            }.ToMessageBody();
            WireEncoding.EncodeOnce(message);
            return message;
        }

        var shown = digest.Entries.Count;
        MimeMessage built = null!;
        long size = 0;
        foreach (var budget in TextBudget.Steps)
        {
            built = Compose(shown, budget);
            size = MessageSize.Of(built);
            if (size <= MaxBytes) return built;
        }
        var bare = TextBudget.Steps[^1];
        while (size > MaxBytes && shown > 0)
        {
            shown = Math.Min(shown - 1, (int)(shown * (double)MaxBytes / size));
            built = Compose(shown, bare);
            size = MessageSize.Of(built);
        }
        return built;
    }
}
