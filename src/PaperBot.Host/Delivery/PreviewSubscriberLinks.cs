using PaperBot.Core.Subscriptions;
using PaperBot.Email;

namespace PaperBot.Host.Delivery;

/// <summary>
/// Subscriber links until the web adapter's signed ones are registered (it replaces this registration): the public
/// pages under <c>Email:PublicBaseUrl</c> by subscription, without a token. Nothing honours them yet.
/// </summary>
public sealed class PreviewSubscriberLinks(EmailOptions options) : ISubscriberLinks
{
    public Uri Link(LinkPurpose purpose, Subscriber subscriber, string? subscriptionId = null)
    {
        var path = purpose switch
        {
            LinkPurpose.Confirm => "confirm/",
            LinkPurpose.Unsubscribe => "unsubscribe/",
            _ => "manage/",
        };
        return new Uri(new Uri(options.PublicBaseUrl.TrimEnd('/') + "/"), path + Uri.EscapeDataString(subscriptionId ?? subscriber.TargetKey));
    }
}
