using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Search;
using Quartz;

namespace PaperBot.Host.Runtime;

/// <summary>
/// Starts the work of <c>run</c> behind the listening endpoints and stops it first. Start: the search index catches up
/// (a full rebuild at 1M papers takes about 90 s, past any health-check budget), the matcher loads, alerts a crash left
/// unqueued are queued, and only then do the schedules start, so ingestion never meets an index still catching up.
/// Stop: no new fires, running jobs get <see cref="ShutdownOptions.JobGrace"/> to finish, then are interrupted (a batch cut off
/// mid-send stays claimed and the next start sends it again with the same idempotency key), then the scheduler shuts down.
/// </summary>
public sealed partial class ServiceLifecycle(IServiceProvider services, ServiceReadiness readiness, ISchedulerFactory schedulers,
    ShutdownOptions shutdown, IHostApplicationLifetime lifetime, ILogger<ServiceLifecycle> log) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _startup = Task.CompletedTask;
    private IScheduler? _scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _startup = Task.Run(() => StartUpAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartUpAsync(CancellationToken ct)
    {
        try
        {
            // Resolving these catches the search index up with the store and loads the subscriptions.
            services.GetRequiredService<IPaperSearch>();
            services.GetRequiredService<SubscriptionMatcher>();
            ct.ThrowIfCancellationRequested();
            // Papers stored just before a crash, whose alerts were not queued yet.
            services.GetRequiredService<PaperIntake>().QueuePendingAlerts();
            var scheduler = await schedulers.GetScheduler(ct);
            _scheduler = scheduler;
            await scheduler.Start(ct);
            readiness.MarkReady();
            LogReady();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped while starting: nothing half-done is committed (an interrupted index rebuild is redone next start).
        }
        catch (Exception e)
        {
            readiness.MarkFailed(e.Message);
            LogStartFailed(e);
            lifetime.StopApplication();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        readiness.MarkStopping();
        await _stopping.CancelAsync();
        await _startup.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_scheduler is not { } scheduler) return;

        await scheduler.Standby(CancellationToken.None);
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(shutdown.JobGrace);
        var running = await Running(scheduler);
        while (running.Count > 0 && !grace.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            running = await Running(scheduler);
        }
        foreach (var firing in running)
        {
            LogInterrupting(firing.JobKey?.Name ?? firing.TriggerKey.Name);
            await scheduler.InterruptFireInstance(firing.FireInstanceId, CancellationToken.None);
        }
        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        LogStopped();
    }

    private static async Task<IReadOnlyList<FireInstance>> Running(IScheduler scheduler) =>
        [.. (await scheduler.QueryFireInstances(new FireInstanceQuery { Take = PagedQuery.All }, CancellationToken.None)).Items
            .Where(f => f.State == FireInstanceState.Executing)];

    [LoggerMessage(Level = LogLevel.Information, Message = "PaperBot is ready: search index caught up, subscriptions loaded, schedules started")]
    private partial void LogReady();

    [LoggerMessage(Level = LogLevel.Critical, Message = "PaperBot failed to start")]
    private partial void LogStartFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interrupting job {Job} at shutdown; what it had claimed is sent again on the next start")]
    private partial void LogInterrupting(string job);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedules stopped")]
    private partial void LogStopped();
}
