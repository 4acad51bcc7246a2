using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Jobs;
using PaperBot.Testing.Delivery;
using Quartz;

namespace PaperBot.Host.Tests.Delivery;

public class DispatchJobTests
{
    [Fact]
    public async Task The_dispatch_job_is_scheduled_every_thirty_seconds_by_default_and_never_runs_twice_at_once()
    {
        await using var services = new ServiceCollection().AddLogging().AddQuartz(q => DispatchJob.Schedule(q, new DeliveryOptions())).BuildServiceProvider();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(new JobKey("dispatch"));
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(new JobKey("dispatch"))));

        Assert.True(job!.ConcurrentExecutionDisallowed);
        Assert.Equal(TimeSpan.FromSeconds(30), trigger.RepeatInterval);
    }

    [Fact]
    public async Task The_job_runs_one_dispatch_pass()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Subscriber.DiscordUser("1"), "diffusion");
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        await new DispatchJob(rig.Dispatch, NullLogger<DispatchJob>.Instance).Execute(Mock.Of<IJobExecutionContext>(), CancellationToken.None);

        Assert.Single(rig.Channel.Delivered);
    }
}
