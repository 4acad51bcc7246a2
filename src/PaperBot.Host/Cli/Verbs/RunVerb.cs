using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Search;
using PaperBot.Host.Composition;
using PaperBot.Host.Jobs;
using PaperBot.Host.Web.Health;
using PaperBot.Host.Web.Metrics;
using PaperBot.Storage;
using Quartz;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot run</c>: the service — Quartz schedules, web endpoints — until Ctrl-C or SIGTERM.</summary>
public static class RunVerb
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("run", "Start the service: scheduled ingestion and delivery, web endpoints. Stops cleanly on Ctrl-C / SIGTERM.");
        command.SetAction((_, ct) => RunAsync(ctx, ct));
        return command;
    }

    public static async Task<int> RunAsync(CliContext ctx, CancellationToken ct)
    {
        var settings = ctx.Settings;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = ctx.CurrentDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(settings.Configuration);
        builder.WebHost.UseUrls(settings.Web.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.AddServiceConsole(settings.Configuration);
        builder.Services.AddPaperBot(settings, ctx.Time);
        builder.Services.AddPaperBotHealth().AddPaperBotMetrics();
        builder.Services.AddQuartz(q =>
        {
            q.UseTimeProvider(ctx.Time);
            q.AddIngestJobs(settings.Sources);
            DispatchJob.Schedule(q);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        await using var app = builder.Build();
        // Open the database before listening: a locked or corrupted file stops start-up with its path.
        app.Services.GetRequiredService<LiteDbContext>();
        // Catch the search index up with the store, and load the subscriptions, before the first request needs them.
        app.Services.GetRequiredService<IPaperSearch>();
        app.Services.GetRequiredService<SubscriptionMatcher>();
        // Papers stored just before a crash, whose alerts were not queued yet.
        app.Services.GetRequiredService<PaperIntake>().QueuePendingAlerts();
        app.MapHealthz();
        app.MapStatus(loopbackOnly: true);
        app.MapPaperBotMetrics();
        await app.StartAsync(ct);
        await app.WaitForShutdownAsync(ct);
        return CliApp.Ok;
    }
}
