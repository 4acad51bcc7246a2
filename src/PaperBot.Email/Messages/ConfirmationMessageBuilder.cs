using System.Globalization;
using MimeKit;
using MimeKit.Utils;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Templates;

namespace PaperBot.Email.Messages;

/// <summary>The double opt-in mail: a short text + HTML message whose one action is the signed confirm link.</summary>
public sealed class ConfirmationMessageBuilder(MessageEnvelope envelope, EmailTemplates templates, ISubscriberLinks links, TimeProvider time)
{
    public MimeMessage Build(Subscription subscription)
    {
        var confirm = MessageEnvelope.Link(links.Link(LinkPurpose.Confirm, subscription.Subscriber, subscription.Id));
        var query = PaperText.OneLine(subscription.Query);
        var view = new ConfirmationView(query, Schedule(subscription), confirm);
        var message = envelope.Create(subscription.Subscriber, Subjects.Confirmation(query), time.GetUtcNow(), MimeUtils.GenerateMessageId(envelope.Domain));
        message.Body = new MultipartAlternative
        {
            EncodedTextPart.FromText("plain", templates.Render(EmailTemplates.ConfirmationText, view)),
            EncodedTextPart.FromText("html", templates.Render(EmailTemplates.ConfirmationHtml, view)),
        };
        return message;
    }

    private static string Schedule(Subscription s) => s.Mode switch
    {
        DeliveryMode.Instant => "as soon as papers match",
        DeliveryMode.Daily => string.Create(CultureInfo.InvariantCulture, $"a daily digest at {s.DeliveryTime:HH\\:mm} ({s.TimeZone})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a weekly digest on {s.WeeklyDay} at {s.DeliveryTime:HH\\:mm} ({s.TimeZone})"),
    };
}
