using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Web.Pages;

namespace PaperBot.Host.Web.Links;

/// <summary>
/// <c>GET /unsubscribe/{token}</c> shows what the link removes and a button; <c>POST</c> removes it. The RFC 8058
/// one-click POST from a mail client (body <c>List-Unsubscribe=One-Click</c>) carries no cookie and no CSRF token,
/// and needs none: the signed token is the authority. The page's own button posts with an antiforgery token.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static void MapUnsubscribe(this WebApplication app)
    {
        app.MapGet("/unsubscribe/{token}", async (string token, HttpContext http, SubscriberAccess access, FormGuard guard, PageRenderer pages) =>
        {
            if (access.Open(token, LinkPurpose.Unsubscribe) is not { } claims) return await LinkPages.InvalidAsync(pages);
            var covered = access.Covered(claims);
            if (covered.Count == 0) return await UnsubscribedAsync(pages, alreadyGone: true);
            return await pages.PageAsync("unsubscribe", "Unsubscribe", new
            {
                Csrf = guard.Field(http),
                Token = token,
                Subscriptions = covered.Select(s => SubscriptionView.Of(s)).ToList(),
            });
        });

        app.MapPost("/unsubscribe/{token}", async (string token, HttpContext http, SubscriberAccess access, SubscriptionService subscriptions,
            FormGuard guard, PageRenderer pages, CancellationToken ct) =>
        {
            if (access.Open(token, LinkPurpose.Unsubscribe) is not { } claims) return await LinkPages.InvalidAsync(pages);
            var form = await FormGuard.ReadFormAsync(http, ct);
            var oneClick = form is not null && form["List-Unsubscribe"] == "One-Click";
            if (!oneClick && !await guard.IsValidAsync(http)) return await LinkPages.ExpiredFormAsync(pages);
            var covered = access.Covered(claims);
            foreach (var subscription in covered) subscriptions.Remove(subscription.Id);
            return await UnsubscribedAsync(pages, alreadyGone: covered.Count == 0);
        });
    }

    private static Task<IResult> UnsubscribedAsync(PageRenderer pages, bool alreadyGone) => pages.MessageAsync("You are unsubscribed",
        alreadyGone ? "There was nothing left to remove: this address gets no more mail from this subscription."
            : "Done. This address will get no more mail from this subscription.", StatusCodes.Status200OK);
}
