using System.CommandLine;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Composition;
using PaperBot.Discord;
using PaperBot.Discord.Delivery;
using PaperBot.Sources.TextDigest;
using PaperBot.Search.Indexing;
using PaperBot.Storage;

namespace PaperBot.Host.Cli.Verbs;

/// <summary>
/// <c>paperbot demo</c>: the whole path offline on embedded defaults — two subscriptions, the bundled sample
/// digest imported as if a source had just brought it, matching, Discord alerts printed and an email digest
/// written as .eml. Uses its own database file (recreated each run) so it never touches real data.
/// </summary>
public static class DemoVerb
{
    public const string DemoDatabase = "demo.db";
    private const string DemoFrom = "PaperBot demo <demo@paperbot.localhost>";
    private const string SampleResource = "PaperBot.Host.Demo.sample-digest.txt";

    public static Command Create(CliContext ctx)
    {
        var command = new Command("demo", "Run the whole pipeline offline on a bundled sample: import, match, alert, email digest.");
        command.SetAction((_, ct) => RunAsync(ctx, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext ctx, CancellationToken ct)
    {
        var settings = ctx.Settings;
        var dbPath = Path.Combine(Path.GetDirectoryName(settings.Storage.Path)!, DemoDatabase);
        DeleteDatabase(dbPath);
        // Offline whatever the configuration says: the digest goes to the pickup folder (from a placeholder sender when
        // Email:From is empty), and Discord alerts are printed, since the demo's channel ids are made up.
        var demoSettings = settings with { Storage = new StorageOptions { Path = dbPath }, Email = settings.Email.PickupOnly(DemoFrom), Discord = new DiscordOptions() };

        using var services = ServiceRegistration.BuildForCli(demoSettings, ctx.Time, ctx.Err);
        var now = ctx.Time.GetUtcNow();
        // Fixed ids: the same demo writes the same digest (same Message-ID, same .eml file) on every run.
        var subscriptionStore = services.GetRequiredService<ISubscriptionStore>();
        Subscription[] demoSubscriptions =
        [
            new()
            {
                Id = "s-demo-discord", Subscriber = Subscriber.DiscordChannel("100000000000000001", "100000000000000000"),
                Query = "diffus* (image OR video) -survey", Mode = DeliveryMode.Instant, Confirmed = true, CreatedAt = now,
            },
            new()
            {
                Id = "s-demo-email", Subscriber = Subscriber.Email("reader@example.org"),
                Query = "\"reinforcement learning\" OR title:reward", Mode = DeliveryMode.Daily, Confirmed = true, CreatedAt = now,
                TimeZone = settings.Delivery.TimeZone, DeliveryTime = settings.Delivery.DigestTimeOfDay,
            },
        ];
        foreach (var s in demoSubscriptions) subscriptionStore.Add(s);
        ctx.Out.WriteLine("PaperBot demo (offline; no accounts, no network)");
        ctx.Out.WriteLine($"  database      {dbPath}");
        foreach (var s in demoSubscriptions) ctx.Out.WriteLine($"  subscription  {SubscriptionsVerb.Describe(s)}");

        var parsed = new TextDigestParser().Parse(OpenSample());
        if (parsed.IsFailure) throw new InvalidOperationException("The bundled sample digest is unreadable: " + parsed.Error);
        var intake = services.GetRequiredService<PaperIntake>().Accept(parsed.Papers, PaperSources.File, alert: true);
        ctx.Out.WriteLine($"  imported      {intake.New} new papers from the bundled sample digest, {intake.AlertsQueued} alerts queued");
        ctx.Out.WriteLine();

        // The real dispatcher; the daily digest is sent now rather than at its time, so the demo shows it.
        services.GetRequiredService<DiscordPreview>().Output = ctx.Out;
        var report = await services.GetRequiredService<DispatchService>().RunOnceAsync(ct, digestsDueNow: true);
        var sent = report.Batches.Where(b => b.Outcome == DispatchOutcome.Sent).ToList();
        var emails = sent.Where(b => b.Target.StartsWith("email:", StringComparison.Ordinal)).Select(b => b.Detail).OfType<string>().ToList();
        var alerts = sent.Where(b => !b.Target.StartsWith("email:", StringComparison.Ordinal)).Sum(b => b.Papers);

        ctx.Out.WriteLine();
        ctx.Out.WriteLine($"Summary: {intake.New} papers stored, {alerts} Discord alerts printed, {emails.Count} email digest(s) written:");
        foreach (var file in emails) ctx.Out.WriteLine($"  {file}");
        ctx.Out.WriteLine($"Explore the demo data: PAPERBOT_Storage__Path={dbPath} paperbot latest");
        return CliApp.Ok;
    }

    private static Stream OpenSample() =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(SampleResource)
        ?? throw new InvalidOperationException($"The sample digest resource {SampleResource} is missing from the build.");

    /// <summary>The demo starts afresh: its database, LiteDB's log and the search index derived from it.</summary>
    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, Path.ChangeExtension(path, null) + "-log.db" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
        var index = SearchIndex.PathFor(path);
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
    }
}
