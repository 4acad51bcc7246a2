using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace PaperBot.Host.Web.Metrics;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format (prometheus-net): every <c>System.Diagnostics.Metrics</c> meter named
/// <c>PaperBot.*</c> (Core, Host and the adapters' own), plus the .NET process metrics. A metric is named after its
/// meter and instrument (<c>PaperBot.Core</c> + <c>papers_ingested</c> = <c>paperbot_core_papers_ingested</c>), so
/// instrument names carry no prefix of their own. The registry belongs to this
/// service, not to prometheus-net's static default, so two services in one process never mix their numbers.
/// </summary>
public sealed class MetricsExport : IDisposable
{
    private readonly IDisposable _meters;

    public MetricsExport()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        _meters = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Prometheus.Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => IsOurs(instrument.Meter.Name),
            // Seconds from a few milliseconds to about half an hour.
            ResolveHistogramBuckets = _ => Histogram.ExponentialBuckets(0.001, 2, 22),
            // The default (5 minutes) drops a series not updated for that long, and a counter dropped between two polls
            // starts again from zero. A day is the longest prometheus-net allows: it outlasts hourly polls and every
            // dispatch interval; a source polled on weekdays only still loses its series over the weekend.
            MetricsExpireAfter = TimeSpan.FromDays(1),
        });
    }

    public CollectorRegistry Registry { get; }

    public static bool IsOurs(string meterName) => meterName.StartsWith("PaperBot.", StringComparison.Ordinal);

    public void Dispose() => _meters.Dispose();
}

public static class MetricsEndpoints
{
    public static IServiceCollection AddPaperBotMetrics(this IServiceCollection services) =>
        services.AddSingleton<MetricsExport>().AddSingleton<HostMetrics>();

    public static IEndpointConventionBuilder MapPaperBotMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ServiceProvider.GetRequiredService<HostMetrics>();
        return endpoints.MapMetrics("/metrics", endpoints.ServiceProvider.GetRequiredService<MetricsExport>().Registry);
    }
}
