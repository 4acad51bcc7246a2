using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Storage;

namespace PaperBot.Host.Web.Health;

/// <summary>
/// <c>GET /healthz</c> (public: 200 healthy or degraded, 503 unhealthy) and <c>GET /status</c> (the operator's
/// details). Built on ASP.NET Core health checks: the adapters add their own (<c>discord</c>, <c>email</c>) in their
/// registrations, this file adds the database, the scheduler, the sources and the subscriptions.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddPaperBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<SourcesHealthCheck>("sources")
            .AddCheck<SubscriptionsHealthCheck>("subscriptions");
        services.AddSingleton<OutboxCounts>();
        services.AddSingleton<StatusReport>();
        return services;
    }

    public static IEndpointConventionBuilder MapHealthz(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = HealthJson.WritePublic,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

    /// <summary>Maps <c>/status</c>. The admin listener maps it as it is; the public listener passes
    /// <paramref name="loopbackOnly"/>, so only a request from this machine sees it (404 otherwise, as if absent).</summary>
    public static RouteHandlerBuilder MapStatus(this IEndpointRouteBuilder endpoints, bool loopbackOnly)
    {
        var route = endpoints.MapGet("/status", async (StatusReport status, CancellationToken ct) =>
        {
            var (document, health) = await status.BuildAsync(ct);
            return Results.Json(document, HealthJson.Options, statusCode: HealthJson.HttpStatus(health));
        });
        if (loopbackOnly)
        {
            route.AddEndpointFilter(async (context, next) => IsLocal(context.HttpContext) ? await next(context) : Results.NotFound());
        }
        return route;
    }

    /// <summary>From this machine and not relayed: the admin socket (Kestrel gives a Unix socket no IP address), or
    /// loopback without a proxy's forwarding headers (a reverse proxy on the same host connects from loopback too).</summary>
    private static bool IsLocal(HttpContext http) =>
        http.Connection.LocalIpAddress is null
        || (http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
            && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded"));
}
