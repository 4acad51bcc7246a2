using Microsoft.Extensions.Logging;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using Quartz;

namespace PaperBot.Host.Jobs;

/// <summary>Daily at 03:30 UTC, when <c>Storage:RetentionDays</c> is set: prunes old papers nothing references.</summary>
[DisallowConcurrentExecution]
public sealed partial class RetentionJob(RetentionService retention, StorageOptions options, ILogger<RetentionJob> log) : IJob
{
    public const string Cron = "0 30 3 * * ?";

    public static void Schedule(IQuartzBuilder q, StorageOptions options)
    {
        if (options.RetentionDays == 0) return;
        var key = new JobKey("retention");
        q.AddJob<RetentionJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("retention-daily").WithCronSchedule(Cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
    }

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pruned = retention.Prune(TimeSpan.FromDays(options.RetentionDays));
        if (pruned > 0) LogPruned(pruned, options.RetentionDays);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: pruned {Count} papers stored more than {Days} days ago that nothing references")]
    private partial void LogPruned(int count, int days);
}
