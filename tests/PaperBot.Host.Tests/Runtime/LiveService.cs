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

    /// <summary>Starts the service and returns once it listens (and, unless told otherwise, is ready). Not waiting for
    /// ready, a service that stops while starting (its start-up failed before it listened) is returned as it is.</summary>
    public static async Task<LiveService> StartAsync(CliHarness cli, Action<IServiceCollection>? overrides = null, bool waitUntilReady = true)
    {
        var starting = new TaskCompletionSource<Started>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource<Started>(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = cli.ServiceOverrides;
        cli.ServiceOverrides = services =>
        {
            overrides?.Invoke(services);
            services.AddHostedService(sp => new ListeningSignal(sp, starting, listening));
        };
        var stop = new CancellationTokenSource();
        var run = cli.RunAsync(stop.Token, "run");
        cli.ServiceOverrides = previous;
        var finished = await Task.WhenAny(listening.Task, run).WaitAsync(Patience);
        if (finished == run && (waitUntilReady || !starting.Task.IsCompletedSuccessfully))
        {
            stop.Dispose();
            throw new InvalidOperationException("the service stopped while starting: " + (await run).Err);
        }
        var service = new LiveService(stop, run, finished == run ? await starting.Task : await listening.Task);
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

    /// <summary>Resolved while the host starts: a service that fails right after may dispose its provider before the
    /// test reads it.</summary>
    private readonly record struct Started(IServiceProvider Services, ServiceReadiness Readiness);

    /// <summary>Signals when the host starts its services (<paramref name="starting"/>), and when it listens
    /// (<paramref name="listening"/>): a start-up that fails at once may stop the host before it ever listens.</summary>
    private sealed class ListeningSignal(IServiceProvider services, TaskCompletionSource<Started> starting, TaskCompletionSource<Started> listening)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var started = new Started(services, services.GetRequiredService<ServiceReadiness>());
            starting.TrySetResult(started);
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => listening.TrySetResult(started));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
