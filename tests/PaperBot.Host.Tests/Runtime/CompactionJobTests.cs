using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Testing;
using PaperBot.Testing.Logging;
using Quartz;

namespace PaperBot.Host.Tests.Runtime;

/// <summary>The weekly compaction inside the running service: the file is swapped under it and everything still works.</summary>
public sealed class CompactionJobTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public CompactionJobTests() => _cli.Dir.Write("digest.txt", Digests.Build(12));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_running_service_compacts_on_sundays_at_four_and_keeps_answering_from_the_new_file()
    {
        Assert.Equal(0, (await _cli.RunAsync("subscribe", "--discord-channel", "11", "--guild", "22", "--query", "\"topic 7\"")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "digest.txt")).ExitCode);
        var log = new LogSink();
        await using var service = await LiveService.StartAsync(_cli, services => services.AddSingleton<ILoggerProvider>(log));
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey("compaction-weekly"));
        var next = trigger!.NextFireTimeUtc!.Value;
        Assert.Equal((DayOfWeek.Sunday, 4, 0), (next.DayOfWeek, next.Hour, next.Minute));

        var done = new JobDone();
        scheduler.ListenerManager.AddJobListener(done, GroupMatcher<JobKey>.AnyGroup());
        await scheduler.TriggerJob(new JobKey("compaction"));
        await done.Executed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Beside the service (through its admin route) and after it: the same papers and subscriptions.
        Assert.Contains("Compaction: the database file went from", log.All, StringComparison.Ordinal);
        Assert.Contains("Topic 7 ", (await _cli.RunAsync("latest")).Out, StringComparison.Ordinal);
        Assert.Contains("topic 7", (await _cli.RunAsync("subscriptions")).Out, StringComparison.Ordinal);
        Assert.Equal(0, (await service.StopAsync()).ExitCode);
        Assert.Contains("Topic 7 ", (await _cli.RunAsync("latest")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_compaction_off_the_service_schedules_none()
    {
        _cli.Config["Storage:CompactWeekly"] = "false";
        await using var service = await LiveService.StartAsync(_cli);
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("compaction-weekly")));
    }

    private sealed class JobDone : IJobListener
    {
        public TaskCompletionSource Executed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Name => "compaction-done";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Name == "compaction") Executed.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
