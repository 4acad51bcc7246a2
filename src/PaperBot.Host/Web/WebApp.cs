using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Host.Composition;
using PaperBot.Host.Web.Links;
using PaperBot.Host.Web.Pages;
using PaperBot.Host.Web.Papers;
using PaperBot.Host.Web.Subscribing;

namespace PaperBot.Host.Web;

/// <summary>The public pages: subscribe, confirm, manage, unsubscribe, and the daily papers.</summary>
public static class WebApp
{
    /// <summary>Confirmation requests one client may make (whatever the addresses) per <see cref="PerClientWindow"/>.</summary>
    public const int PerClientLimit = 10;
    public static readonly TimeSpan PerClientWindow = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPaperBotWeb(this IServiceCollection services, PaperBotSettings settings)
    {
        // Antiforgery tokens are protected with these keys; kept in the data folder, so the root can be read-only and
        // forms stay valid across restarts.
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(settings.Web.DataProtectionPath))
            .SetApplicationName("PaperBot");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "paperbot-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "csrf";
        });
        // Behind a reverse proxy every request comes from the proxy: the per-client limit and the loopback-only /status
        // must see the address it forwards, and only from proxies named in configuration.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Web.TrustedProxyList())
            {
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
            o.ForwardedHeaders = o.KnownProxies.Count + o.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SubscribeEndpoints.ClientLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PerClientLimit, Window = PerClientWindow, QueueLimit = 0 }));
            o.OnRejected = async (rejected, _) =>
            {
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = ((int)PerClientWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var page = await http.RequestServices.GetRequiredService<PageRenderer>().MessageAsync("Too many requests",
                    "This connection has sent the form too often. Please try again in a few minutes.", StatusCodes.Status429TooManyRequests);
                await page.ExecuteAsync(http);
            };
        });
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<FormGuard>();
        services.AddSingleton<ConfirmationThrottle>();
        services.AddSingleton<SubscriptionRequests>();
        services.AddSingleton<SubscriberAccess>();
        return services;
    }

    public static WebApplication MapPaperBotWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.MapStaticAssets();
        app.MapSubscribe();
        app.MapConfirm();
        app.MapManage();
        app.MapUnsubscribe();
        app.MapPapers();
        return app;
    }
}
