using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaperBot.Host.Admin;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Search;
using PaperBot.Discord;
using PaperBot.Discord.Interactions;
using PaperBot.Host.Composition;
using PaperBot.Host.Jobs;
using PaperBot.Host.Runtime;
using PaperBot.Host.Web;
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
        var adminSocket = AdminSocket.PathFor(settings.Storage.Path);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = ctx.CurrentDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(settings.Configuration);
        builder.WebHost.UseUrls([.. settings.Web.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), AdminSocket.UrlFor(adminSocket)]);
        builder.Logging.AddServiceConsole(settings.Configuration);
        // Keys at rest in the data folder are not encrypted (the folder is the service's own); say so once in the README, not on every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddPaperBot(settings, ctx.Time);
        builder.Services.AddPaperBotWeb(settings);
        builder.Services.AddPaperBotHealth().AddPaperBotMetrics();
        builder.Services.AddQuartz(q =>
        {
            q.UseTimeProvider(ctx.Time);
            q.AddIngestJobs(settings.Sources);
            DispatchJob.Schedule(q, settings.Delivery);
            NoticeJob.Schedule(q);
            RetentionJob.Schedule(q, settings.Storage);
            CompactionJob.Schedule(q, settings.Storage);
            UnconfirmedJob.Schedule(q);
        });
        builder.Services.AddServiceLifecycle();
        ctx.ServiceOverrides?.Invoke(builder.Services);

        await using var app = builder.Build();
        // Open the database before listening: a locked or corrupted file stops start-up with its path.
        app.Services.GetRequiredService<LiteDbContext>();
        AdminSocket.RemoveStale(adminSocket);
        app.MapHealthz();
        app.MapStatus(loopbackOnly: true);
        app.MapPaperBotMetrics();
        app.MapAdmin();
        app.MapPaperBotWeb();
        if (settings.Discord.Enabled && settings.Discord.Transport == DiscordTransport.Http) app.MapDiscordInteractions();
        var readiness = app.Services.GetRequiredService<ServiceReadiness>();
        try
        {
            // Listen at once; the search index catches up and the schedules start behind it (ServiceLifecycle).
            await app.StartAsync(ct);
            AdminSocket.RestrictToOwner(adminSocket);
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && readiness.State == ServiceState.Failed)
        {
            // Start-up failed (logged, with its reason) so fast that the host was told to stop before it listened.
            await app.StopAsync(CancellationToken.None);
        }
        finally
        {
            AdminSocket.RemoveStale(adminSocket);
        }
        return readiness.State == ServiceState.Failed ? CliApp.Failed : CliApp.Ok;
    }
}
