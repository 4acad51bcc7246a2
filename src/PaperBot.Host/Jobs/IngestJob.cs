using PaperBot.Core.Ingestion;
using PaperBot.Core.Storage;
using Quartz;

namespace PaperBot.Host.Jobs;

/// <summary>
/// Polls one source (thin: the work is <see cref="IngestionService"/>). Besides its cron trigger it runs once at
/// start-up, where it only works if a scheduled run was missed while the service was down (or never ran):
/// Quartz's in-memory store forgets everything on restart, so the last run is read from the database.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(IngestionService ingestion, ISourceStateStore states, TimeProvider time) : IJob
{
    public const string SourceKey = "source";
    public const string CronKey = "cron";
    public const string TimeZoneKey = "timeZone";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var source = data.GetString(SourceKey)!;
        if (context.Trigger.Key.Group == SchedulerConstants.StartupGroup
            && !CatchUp.IsDue(data.GetString(CronKey)!, data.GetString(TimeZoneKey)!, states.Get(source).LastRunAt, time.GetUtcNow()))
            return;
        // Failures are recorded in the source's state by the service; the next trigger simply tries again.
        await ingestion.RunAsync(source, FetchRequest.Latest, notify: false, cancellationToken);
    }
}

/// <summary>Whether a start-up run must make up for a scheduled run that was missed.</summary>
public static class CatchUp
{
    public static bool IsDue(string cron, string timeZone, DateTimeOffset? lastRun, DateTimeOffset now)
    {
        if (lastRun is null) return true; // never polled: take the baseline now rather than at the next slot
        var expression = new CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        return expression.GetNextValidTimeAfter(lastRun.Value) is { } next && next <= now;
    }
}
