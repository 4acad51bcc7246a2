using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Delivery;
using PaperBot.Core.Queries;
using PaperBot.Host.Web.Pages;

namespace PaperBot.Host.Web.Subscribing;

/// <summary><c>GET /</c> (the subscribe page), <c>POST /subscribe</c> and <c>GET /query/check</c> (the live query help).</summary>
public static class SubscribeEndpoints
{
    public const string ClientLimitPolicy = "subscribe-per-client";

    /// <summary>Every time zone the server knows (IANA ids on Linux), for the form's suggestions.</summary>
    public static IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal)];

    public static void MapSubscribe(this WebApplication app)
    {
        // ?query= pre-fills the query (the papers page's Subscribe link carries its search).
        app.MapGet("/", (string? query, HttpContext http, PageRenderer pages, FormGuard guard, DeliveryOptions defaults) =>
            FormPageAsync(pages, guard.Field(http), SubscriptionForm.Defaults(defaults, query), StatusCodes.Status200OK, autoZone: true));

        app.MapPost("/subscribe", async (HttpContext http, PageRenderer pages, FormGuard guard, SubscriptionRequests requests, CancellationToken ct) =>
        {
            if (!await guard.IsValidAsync(http))
                return await pages.MessageAsync("This form has expired", "Go back, reload the page and send the form again.", StatusCodes.Status400BadRequest);
            var form = SubscriptionForm.Read(await http.Request.ReadFormAsync(ct));
            if (form.Validate(withEmail: true) is not { } valid)
                return await FormPageAsync(pages, guard.Field(http), form, StatusCodes.Status400BadRequest);
            await requests.RequestAsync(form.Email, valid, ct);
            return await pages.PageAsync("check-inbox", "Check your inbox", new { form.Email, form.Query });
        }).RequireRateLimiting(ClientLimitPolicy);

        app.MapGet("/query/check", (string? q) =>
        {
            var text = q ?? "";
            if (text.Trim().Length == 0) return Results.Json(new QueryCheck(false, "Enter the words you want papers about.", null));
            return QueryParser.Parse(text).Error is { } error
                ? Results.Json(new QueryCheck(false, error.Message, error.Position))
                : Results.Json(new QueryCheck(true, "The query is valid.", null));
        });
    }

    private sealed record QueryCheck(bool Ok, string Message, int? Position);

    /// <param name="autoZone">A fresh form: the script may put the browser's time zone in (never over what the user sent).</param>
    private static Task<IResult> FormPageAsync(PageRenderer pages, CsrfField csrf, SubscriptionForm form, int status, bool autoZone = false) =>
        pages.PageAsync("subscribe", "Subscribe to new papers", new { Csrf = csrf, Form = form, Days = SubscriptionForm.Days, Zones = TimeZones, AutoZone = autoZone }, status);
}
