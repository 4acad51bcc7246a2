using Microsoft.Extensions.Logging;
using PaperBot.Core.Incidents;
using Quartz;

namespace PaperBot.Host.Jobs;

/// <summary>Every minute: refresh the incidents and tell the owners who were not told yet (thin: the work is
/// <see cref="OwnerNotifier"/>). Who was told lives in LiteDB, so a restart tells no one twice.</summary>
[DisallowConcurrentExecution]
public sealed class NoticeJob(OwnerNotifier notifier, ILogger<NoticeJob> log) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static void Schedule(IQuartzBuilder q)
    {
        var key = new JobKey("notices");
        q.AddJob<NoticeJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("notices-every-minute").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(Interval).RepeatForever()));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await notifier.RunOnceAsync(cancellationToken);
        if (report.Sent + report.Retrying + report.Unreachable > 0)
        {
            log.LogInformation("Notices: {Open} open incident(s); {Sent} sent, {Retrying} to retry, {Unreachable} unreachable",
                report.Open, report.Sent, report.Retrying, report.Unreachable);
        }
    }
}
