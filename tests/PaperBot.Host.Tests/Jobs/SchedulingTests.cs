using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Storage;
using PaperBot.Host.Composition;
using PaperBot.Host.Configuration;
using PaperBot.Host.Jobs;
using PaperBot.Testing;
using Quartz;

namespace PaperBot.Host.Tests.Jobs;

public class SchedulingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_source_that_never_ran_catches_up_at_start()
    {
        Assert.True(CatchUp.IsDue("0 0 * * * ?", "UTC", null, Now));
    }

    [Fact]
    public void A_run_missed_while_the_service_was_down_is_made_up_once_at_start()
    {
        Assert.True(CatchUp.IsDue("0 0 * * * ?", "UTC", Now.AddHours(-3), Now));
        Assert.False(CatchUp.IsDue("0 0 * * * ?", "UTC", Now.AddMinutes(-10), Now.AddMinutes(-5)));
    }

    [Fact]
    public void The_catch_up_reads_the_schedule_in_its_time_zone()
    {
        // 01:30 Berlin is 00:30 UTC in winter: a run at 00:00 UTC missed it by 10:00 UTC; in New York it is still ahead.
        var lastRun = new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero);
        Assert.True(CatchUp.IsDue("0 30 1 * * ?", "Europe/Berlin", lastRun, Now));
        Assert.False(CatchUp.IsDue("0 30 1 * * ?", "America/New_York", lastRun, new DateTimeOffset(2026, 3, 12, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task The_scheduler_gets_one_ingest_job_per_enabled_source_with_its_cron_and_time_zone()
    {
        using var dir = new TempDirectory();
        var configuration = PaperBotConfiguration.Build(dir.Path, new Dictionary<string, string?>
        {
            ["Storage:Path"] = dir.File("paperbot.db"),
            ["Sources:ArxivRss:Enabled"] = "true",
            ["Sources:ArxivRss:TimeZone"] = "America/New_York",
            ["Sources:ArxivRss:Categories:0"] = "cs.AI",
            ["Sources:Feeds:0:Name"] = "journal",
            ["Sources:Feeds:0:Url"] = "https://journal.example.org/rss",
        }, dir.File("secrets"));
        var (settings, errors) = PaperBotSettings.Load(configuration);
        Assert.Empty(errors);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddPaperBot(settings, new FakeTimeProvider(Now))
            .AddQuartz(q => q.AddIngestJobs(settings.Sources))
            .BuildServiceProvider();

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var rss = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("ingest-arxiv-rss", "ingest")))!;

        Assert.Equal(["ingest-arxiv-rss", "ingest-huggingface", "ingest-journal"],
            (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("ingest"))).Select(k => k.Name).Order());
        Assert.Equal("0 15 5 ? * MON-FRI", rss.CronExpressionString);
        Assert.Equal("America/New_York", rss.TimeZone.Id);
        await scheduler.Shutdown();
    }

    [Fact]
    public async Task A_bad_cron_expression_is_a_configuration_error_naming_its_key()
    {
        using var cli = new CliHarness();
        cli.Config["Sources:HuggingFace:Schedule"] = "every hour";
        var run = await cli.RunAsync("latest");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Sources:HuggingFace:Schedule", run.Err, StringComparison.Ordinal);
    }
}
