using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using Quartz;

namespace PaperBot.Host.Jobs;

/// <summary>Every <c>Delivery:DispatchInterval</c> (30 s): one dispatch pass (instant alerts within a minute; digests when their local time comes).
/// The schedule's state lives in LiteDB, so a restart simply catches up.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(DispatchService dispatch, ILogger<DispatchJob> log) : IJob
{
    public static void Schedule(IQuartzBuilder q, DeliveryOptions options)
    {
        var key = new JobKey("dispatch");
        q.AddJob<DispatchJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("dispatch-every-30s").StartNow() // the name /healthz has always shown; the interval is configurable
            .WithSimpleSchedule(s => s.WithInterval(options.DispatchInterval).RepeatForever()));
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await dispatch.RunOnceAsync(cancellationToken);
        if (report.Batches.Count > 0)
        {
            log.LogInformation("Dispatch: {Sent} sent ({Papers} papers), {Retrying} retrying, {Failed} failed",
                report.Count(DispatchOutcome.Sent), report.PapersDelivered, report.Count(DispatchOutcome.Retrying), report.Count(DispatchOutcome.Failed));
        }
    }
}
