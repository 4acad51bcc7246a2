using PaperBot.Host.Composition;
using PaperBot.Sources;
using Quartz;

namespace PaperBot.Host.Jobs;

public static class SchedulingExtensions
{
    /// <summary>One <see cref="IngestJob"/> per enabled source: its cron trigger in its time zone, plus a start-up catch-up.</summary>
    public static IQuartzBuilder AddIngestJobs(this IQuartzBuilder q, SourceSettings sources)
    {
        foreach (var (source, _, cron, timeZone) in sources.Schedules())
        {
            var key = new JobKey($"ingest-{source}", "ingest");
            q.AddJob<IngestJob>(j => j
                .WithIdentity(key)
                .UsingJobData(IngestJob.SourceKey, source)
                .UsingJobData(IngestJob.CronKey, cron)
                .UsingJobData(IngestJob.TimeZoneKey, timeZone));
            q.AddTrigger(t => t
                .ForJob(key)
                .WithIdentity($"ingest-{source}", "ingest")
                .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(timeZone))));
            q.RunAtStartup(key);
        }
        return q;
    }
}
