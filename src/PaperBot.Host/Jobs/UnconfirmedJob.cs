using Microsoft.Extensions.Logging;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Tokens;
using Quartz;

namespace PaperBot.Host.Jobs;

/// <summary>Daily at 03:45 UTC: email subscriptions whose confirmation link expired unused are removed.</summary>
[DisallowConcurrentExecution]
public sealed partial class UnconfirmedJob(SubscriptionService subscriptions, TimeProvider time, ILogger<UnconfirmedJob> log) : IJob
{
    public const string Cron = "0 45 3 * * ?";

    public static void Schedule(IQuartzBuilder q)
    {
        var key = new JobKey("unconfirmed");
        q.AddJob<UnconfirmedJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key).WithIdentity("unconfirmed-daily").WithCronSchedule(Cron, c => c.InTimeZone(TimeZoneInfo.Utc)));
    }

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = subscriptions.ForgetUnconfirmed(time.GetUtcNow() - SignedTokens.ConfirmLifetime);
        if (removed > 0) LogRemoved(removed, SignedTokens.ConfirmLifetime.TotalDays);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} email subscriptions not confirmed within {Days} days")]
    private partial void LogRemoved(int count, double days);
}
