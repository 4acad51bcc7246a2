using System.CommandLine;
using System.Globalization;
using PaperBot.Core.Storage;
using PaperBot.Host.Admin;
using PaperBot.Host.Cli.Verbs;

namespace PaperBot.Host.Cli;

/// <summary>The <c>paperbot</c> command line (interface.md §1). Exit codes: 0 success, 1 failed at run time,
/// 2 bad usage or configuration.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static RootCommand BuildRoot(CliContext ctx)
    {
        var root = new RootCommand("PaperBot: new research papers, matched to your keyword subscriptions, delivered to Discord and email.");
        root.Subcommands.Add(RunVerb.Create(ctx));
        root.Subcommands.Add(DemoVerb.Create(ctx));
        root.Subcommands.Add(ImportVerb.Create(ctx));
        root.Subcommands.Add(IngestVerb.Create(ctx));
        root.Subcommands.Add(SearchVerb.Create(ctx));
        root.Subcommands.Add(MatchVerb.Create(ctx));
        root.Subcommands.Add(LatestVerb.Create(ctx));
        root.Subcommands.Add(TrendingVerb.Create(ctx));
        root.Subcommands.Add(ReindexVerb.Create(ctx));
        root.Subcommands.Add(SubscribeVerb.Create(ctx));
        root.Subcommands.Add(SubscriptionsVerb.Create(ctx));
        root.Subcommands.Add(UnsubscribeVerb.Create(ctx));
        root.Subcommands.Add(ResumeVerb.Create(ctx));
        root.Subcommands.Add(DeliverVerb.Create(ctx));
        root.Subcommands.Add(HealthcheckVerb.Create(ctx));
        root.Subcommands.Add(BackupVerb.Create(ctx));
        root.Subcommands.Add(DiscordVerb.Create(ctx));
        // No verb means run (the container's default).
        root.SetAction((parse, ct) => RunVerb.RunAsync(ctx, ct));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        // Output that scripts read looks the same on every machine (1,000 not 1.000); flows with this call only.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var root = BuildRoot(ctx);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = ctx.Out, Error = ctx.Err, EnableDefaultExceptionHandler = false,
            // Ctrl-C / SIGTERM cancel the verb's token; `run` then stops within its 25 s shutdown budget. Inside the
            // service a verb is cancelled by its caller hanging up, never by the service's own signals.
            ProcessTerminationTimeout = ctx.InsideService ? null : TimeSpan.FromSeconds(30),
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) ctx.Err.WriteLine($"error: {error.Message}");
            ctx.Err.WriteLine();
            // Show the help of the command the user was typing.
            await root.Parse([.. args.TakeWhile(a => !a.StartsWith('-') && root.Subcommands.Any(c => c.Name == a)).Take(1), "--help"])
                .InvokeAsync(new InvocationConfiguration { Output = ctx.Err, Error = ctx.Err }, ct);
            return Usage;
        }
        try
        {
            switch (AdminClient.RouteOf(parse, ctx))
            {
                case AdminClient.Route.Refused:
                    ctx.Err.WriteLine("error: this command runs on its own, not inside the running service");
                    return Usage;
                case AdminClient.Route.Service when await AdminClient.TryRunAsync(args, ctx, ct) is { } code:
                    return code;
                default:
                    return await parse.InvokeAsync(invocation, ct);
            }
        }
        catch (UsageException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return Usage;
        }
        catch (StorageException e)
        {
            ctx.Err.WriteLine($"error: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ctx.Err.WriteLine("cancelled");
            return Failed;
        }
    }
}
