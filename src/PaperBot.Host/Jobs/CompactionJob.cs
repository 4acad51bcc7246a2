using Microsoft.Extensions.Logging;
using PaperBot.Core.Storage;
using PaperBot.Storage;
using Quartz;

namespace PaperBot.Host.Jobs;

/// <summary>Sundays at 04:00 UTC, unless <c>Storage:CompactWeekly</c> is false: gives the space of pruned papers and
/// delivered alerts back to the disk (thin: the work is <see cref="DatabaseCompaction"/>). Writes wait meanwhile.</summary>
[DisallowConcurrentExecution]
public sealed partial class CompactionJob(LiteDbContext context, ILogger<CompactionJob> log) : IJob
{
    public const string Cron = "0 0 4 ? * SUN";

    public static void Schedule(IQuartzBuilder q, StorageOptions options)
    {
        if (!options.CompactWeekly) return;
        var key = new JobKey("compaction");
        q.AddJob<CompactionJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("compaction-weekly").WithCronSchedule(Cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
    }

    public ValueTask Execute(IJobExecutionContext job, CancellationToken cancellationToken)
    {
        try
        {
            var result = DatabaseCompaction.Compact(context);
            if (result.SkippedBecause is { } why) LogSkipped(why);
            else LogCompacted(result.BytesBefore, result.BytesAfter);
        }
        catch (StorageException e)
        {
            LogFailed(e.Message);
        }
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compaction: the database file went from {BytesBefore} to {BytesAfter} bytes")]
    private partial void LogCompacted(long bytesBefore, long bytesAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compaction skipped: {Reason}")]
    private partial void LogSkipped(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compaction failed: {Reason}")]
    private partial void LogFailed(string reason);
}
