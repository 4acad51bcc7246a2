using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PaperBot.Host.Runtime;

namespace PaperBot.Host.Tests.Runtime;

/// <summary>
/// <c>paperbot run</c> in-process on the harness's data, with a handle on its services: tests wait on its own signals
/// (listening, ready) rather than polling, and then run verbs beside it through the same harness.
/// </summary>
public sealed class LiveService : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _stop;

    private LiveService(CancellationTokenSource stop, Task<CliRun> run, Started started)
    {
        _stop = stop;
        Run = run;
        (Services, Readiness) = started;
    }

    public Task<CliRun> Run { get; }
    public IServiceProvider Services { get; }
    public ServiceReadiness Readiness { get; }

    /// <summary>The public HTTP listener (not the admin socket).</summary>
    public Uri BaseUri => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));

    /// <summary>Starts the service and returns once it listens (and, unless told otherwise, is ready).</summary>
    public static async Task<LiveService> StartAsync(CliHarness cli, Action<IServiceCollection>? overrides = null, bool waitUntilReady = true)
    {
        var listening = new TaskCompletionSource<Started>(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = cli.ServiceOverrides;
        cli.ServiceOverrides = services =>
        {
            overrides?.Invoke(services);
            services.AddHostedService(sp => new ListeningSignal(sp, listening));
        };
        var stop = new CancellationTokenSource();
        var run = cli.RunAsync(stop.Token, "run");
        cli.ServiceOverrides = previous;
        var finished = await Task.WhenAny(listening.Task, run).WaitAsync(Patience);
        if (finished == run)
        {
            stop.Dispose();
            throw new InvalidOperationException("the service stopped while starting: " + (await run).Err);
        }
        var service = new LiveService(stop, run, await listening.Task);
        if (waitUntilReady) await service.Readiness.WhenReady(CancellationToken.None).WaitAsync(Patience);
        return service;
    }

    /// <summary>As SIGTERM does: the host stops; returns what <c>run</c> returned.</summary>
    public async Task<CliRun> StopAsync()
    {
        await _stop.CancelAsync();
        return await Run.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted) await StopAsync();
        _stop.Dispose();
    }

    /// <summary>Resolved when the host has started: a service that fails right after may dispose its provider before
    /// the test reads it.</summary>
    private readonly record struct Started(IServiceProvider Services, ServiceReadiness Readiness);

    private sealed class ListeningSignal(IServiceProvider services, TaskCompletionSource<Started> listening) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
                listening.TrySetResult(new Started(services, services.GetRequiredService<ServiceReadiness>())));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
