using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Web.Pages;

namespace PaperBot.Host.Web.Links;

/// <summary><c>GET /confirm/{token}</c>: the double opt-in. Activates the subscription (again is harmless) and shows it,
/// with the links to manage it and to leave.</summary>
public static class ConfirmEndpoint
{
    public static void MapConfirm(this WebApplication app) => app.MapGet("/confirm/{token}", async (string token, SubscriberAccess access,
        SubscriptionService subscriptions, ISubscriberLinks links, PageRenderer pages) =>
    {
        if (access.Open(token, LinkPurpose.Confirm) is not { SubscriptionId: not null } claims) return await LinkPages.InvalidAsync(pages);
        if (access.Covered(claims) is not [var subscription]) return await LinkPages.GoneAsync(pages);
        if (!subscription.Confirmed)
        {
            subscription = subscription with { Confirmed = true };
            subscriptions.Update(subscription);
        }
        return await pages.PageAsync("confirmed", "Subscription confirmed", new
        {
            Subscription = SubscriptionView.Of(subscription),
            subscription.Subscriber.Address,
            ManageUrl = links.Link(LinkPurpose.Manage, subscription.Subscriber).AbsoluteUri,
            UnsubscribeUrl = links.Link(LinkPurpose.Unsubscribe, subscription.Subscriber, subscription.Id).AbsoluteUri,
        });
    });
}
