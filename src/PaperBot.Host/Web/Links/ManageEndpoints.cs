using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Tokens;
using PaperBot.Host.Web.Pages;
using PaperBot.Host.Web.Subscribing;

namespace PaperBot.Host.Web.Links;

/// <summary>
/// <c>GET /manage/{token}</c>: the subscriber's subscriptions, each with an edit form and pause/resume/delete buttons
/// (POST forms with antiforgery tokens; a change redirects back to the list, errors are shown in place).
/// </summary>
public static class ManageEndpoints
{
    public static void MapManage(this WebApplication app)
    {
        app.MapGet("/manage/{token}", async (string token, HttpContext http, SubscriberAccess access, FormGuard guard, PageRenderer pages) =>
            access.Open(token, LinkPurpose.Manage) is { } claims
                ? await PageAsync(http, token, claims, access, guard, pages, null, StatusCodes.Status200OK)
                : await LinkPages.InvalidAsync(pages));

        app.MapPost("/manage/{token}/{id}", (string token, string id, HttpContext http, SubscriberAccess access, SubscriptionService subscriptions,
            FormGuard guard, PageRenderer pages, CancellationToken ct) => ChangeAsync(token, id, http, access, guard, pages, async (claims, subscription) =>
        {
            var form = SubscriptionForm.Read(await http.Request.ReadFormAsync(ct));
            if (form.Validate(withEmail: false) is not { } valid)
                return await PageAsync(http, token, claims, access, guard, pages, (id, form), StatusCodes.Status400BadRequest);
            subscriptions.Update(subscription with
            {
                Query = valid.Query, Mode = valid.Mode, DeliveryTime = valid.Time, WeeklyDay = valid.Day, TimeZone = valid.TimeZone,
            });
            return null;
        }));

        app.MapPost("/manage/{token}/{id}/pause", (string token, string id, HttpContext http, SubscriberAccess access, SubscriptionService subscriptions,
            FormGuard guard, PageRenderer pages) => ChangeAsync(token, id, http, access, guard, pages, (_, subscription) =>
        {
            if (subscription.PausedReason is null) subscriptions.Update(subscription with { PausedReason = SubscriptionView.PausedBySubscriber });
            return Task.FromResult<IResult?>(null);
        }));

        app.MapPost("/manage/{token}/{id}/resume", (string token, string id, HttpContext http, SubscriberAccess access, SubscriptionService subscriptions,
            FormGuard guard, PageRenderer pages) => ChangeAsync(token, id, http, access, guard, pages, (_, subscription) =>
        {
            if (subscription.PausedReason == SubscriptionView.PausedBySubscriber) subscriptions.Update(subscription with { PausedReason = null });
            return Task.FromResult<IResult?>(null);
        }));

        app.MapPost("/manage/{token}/{id}/delete", (string token, string id, HttpContext http, SubscriberAccess access, SubscriptionService subscriptions,
            FormGuard guard, PageRenderer pages) => ChangeAsync(token, id, http, access, guard, pages, (_, subscription) =>
        {
            subscriptions.Remove(subscription.Id);
            return Task.FromResult<IResult?>(null);
        }));
    }

    /// <summary>The checks every change shares (token, CSRF, the subscription is the subscriber's), then the change;
    /// a change that returns no page of its own redirects back to the list (POST, redirect, GET).</summary>
    private static async Task<IResult> ChangeAsync(string token, string id, HttpContext http, SubscriberAccess access, FormGuard guard, PageRenderer pages,
        Func<TokenClaims, Subscription, Task<IResult?>> change)
    {
        if (access.Open(token, LinkPurpose.Manage) is not { } claims) return await LinkPages.InvalidAsync(pages);
        if (!await guard.IsValidAsync(http)) return await LinkPages.ExpiredFormAsync(pages);
        if (access.Find(claims, id) is not { } subscription) return await LinkPages.GoneAsync(pages);
        return await change(claims, subscription) ?? Results.Redirect($"/manage/{Uri.EscapeDataString(token)}", permanent: false, preserveMethod: false);
    }

    private static Task<IResult> PageAsync(HttpContext http, string token, TokenClaims claims, SubscriberAccess access, FormGuard guard,
        PageRenderer pages, (string Id, SubscriptionForm Form)? edited, int status)
    {
        var views = access.Covered(claims).Select(s => SubscriptionView.Of(s, edited is { } e && e.Id == s.Id ? e.Form : null)).ToList();
        return pages.PageAsync("manage", "Your subscriptions", new
        {
            Csrf = guard.Field(http),
            Token = token,
            Address = claims.TargetKey.StartsWith("email:", StringComparison.Ordinal) ? claims.TargetKey["email:".Length..] : claims.TargetKey,
            Subscriptions = views,
            Days = SubscriptionForm.Days,
            Zones = SubscribeEndpoints.TimeZones,
        }, status);
    }
}
