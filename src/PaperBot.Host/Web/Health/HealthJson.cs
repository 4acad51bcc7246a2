using PaperBot.Host.Runtime;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Host.Web.Health;

/// <summary>
/// The health report as JSON: the overall status and each component with its facts. The public form carries only
/// each check's <c>Data</c> (public facts by convention); the detailed form adds descriptions and exception messages,
/// which may name addresses or quote a server, for <c>/status</c>.
/// </summary>
public static class HealthJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    public static int HttpStatus(HealthStatus status) =>
        status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;

    /// <param name="starting">The service listens but is still catching up: reported as <c>starting</c> unless
    /// something is unhealthy (healthy for the container, not ready for work).</param>
    public static Dictionary<string, object?> Document(HealthReport report, bool detailed, bool starting)
    {
        var components = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, entry) in report.Entries)
        {
            var component = new Dictionary<string, object?> { ["status"] = StatusName(entry.Status) };
            foreach (var (key, value) in entry.Data) component[key] = value;
            if (detailed)
            {
                component["description"] = entry.Description;
                component["error"] = entry.Exception?.Message;
                component["durationMs"] = Math.Round(entry.Duration.TotalMilliseconds, 1);
            }
            components[name] = component;
        }
        var status = starting && report.Status != HealthStatus.Unhealthy ? "starting" : StatusName(report.Status);
        return new Dictionary<string, object?> { ["status"] = status, ["components"] = components };
    }

    /// <summary>The <c>/healthz</c> response writer.</summary>
    public static Task WritePublic(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, Document(report, detailed: false, IsStarting(http.RequestServices)), Options, http.RequestAborted);
    }

    public static bool IsStarting(IServiceProvider services) => services.GetService<ServiceReadiness>()?.State == ServiceState.Starting;
}
