using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PaperBot.Host.Runtime;

/// <param name="JobGrace">How long running jobs may finish on their own at shutdown before they are interrupted.</param>
public sealed record ShutdownOptions(TimeSpan JobGrace);

public static class LifecycleRegistration
{
    /// <summary>The host's shutdown budget: the container's stop timeout is 30 s, and this leaves time to flush and exit.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>Readiness and the start/stop order of <c>run</c>; replaces Quartz's own hosted service (see <see cref="ServiceLifecycle"/>).</summary>
    public static IServiceCollection AddServiceLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<ServiceReadiness>();
        services.AddSingleton(new ShutdownOptions(JobGrace: TimeSpan.FromSeconds(10)));
        services.AddHostedService<ServiceLifecycle>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return services;
    }
}
