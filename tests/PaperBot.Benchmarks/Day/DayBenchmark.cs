using System.Diagnostics;
using LiteDB;
using PaperBot.Benchmarks.Matching;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Benchmarks.Day;

/// <summary>
/// A day at scale through the real store: 2,000 new papers are stored, matched against every subscription, their
/// alerts written to the outbox in one bulk transaction, and the end-of-day dispatch plan is read from the database
/// (every digest due) — at 100k and 1M subscriptions. Beside it, the per-item path the outbox had before runs (one
/// document per match, <see cref="PerItemOutbox"/>), timed on a sample and extrapolated to the day.
/// </summary>
public sealed class DayBenchmark : IBenchmark
{
    private const int PaperCount = 2000;
    private const int PerItemSample = 100_000;

    public string Name => "day";
    public string Description => "ingest 2,000 papers -> match -> outbox -> plan at 100k and 1M subscriptions (--quick: 10k subscriptions, 500 papers; --size N: N subscriptions only; --default-gc: without the container's GC settings)";

    public async Task<bool> RunAsync(string[] args)
    {
        if (!ContainerGc.Applies && !args.Contains("--default-gc")) return await ContainerGc.RunAgainAsync(args) == 0;
        Console.WriteLine(ContainerGc.Applies ? $"GC as in the container: {ContainerGc.Describe()}" : "GC: the runtime's defaults for this project (workstation, non-concurrent)");
        var quick = args.Contains("--quick");
        var only = Array.IndexOf(args, "--size") is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var workload = new MatchingWorkload();
        var ok = true;
        var sizes = quick ? [(10_000, 500, 10.0)] : new[] { (100_000, PaperCount, 10.0), (1_000_000, PaperCount, 60.0) };
        foreach (var (size, papers, target) in only is { } n ? [(n, PaperCount, n <= 100_000 ? 10.0 : 60.0)] : sizes)
            ok &= Run(workload, size, papers, target);
        return ok;
    }

    private static bool Run(MatchingWorkload workload, int size, int paperCount, double targetSeconds)
    {
        var dir = Path.Combine(Path.GetTempPath(), "paperbot-day-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var context = LiteDbContext.Open(Path.Combine(dir, "day.db"));
            var subscriptions = Subscriptions(workload, size);
            var setup = Stopwatch.StartNew();
            var store = new LiteDbSubscriptionStore(context);
            context.Database.BeginTrans();
            foreach (var s in subscriptions) store.Add(s);
            context.Database.Commit();
            var matcher = new SubscriptionMatcher(store);
            Console.WriteLine($"{size:N0} subscriptions stored and indexed in {setup.Elapsed.TotalSeconds:F1} s (setup, not timed)");

            var papers = workload.Papers(paperCount, 7);
            var outbox = new LiteDbOutbox(context, TimeProvider.System);
            var matching = new StepClock("match");
            var enqueuing = new StepClock("enqueue");
            var loading = new StepClock("load");
            var planning = new StepClock("plan");
            var intake = new PaperIntake(new LiteDbPaperStore(context, TimeProvider.System), new NoSearchIndex(),
                new TimedMatcher(matcher, matching), new TimedAlertQueue(outbox, enqueuing));

            var watch = Stopwatch.StartNew();
            // Only counted: the day must not carry a second copy of its matches (it would slow every collection).
            _ = matcher.Match(papers).Count;
            var matchAlone = watch.Elapsed;
            watch.Restart();
            // CPU time beside wall time: on a shared machine it moves far less with the neighbours' load.
            var cpu = Cpu();
            var paused = GC.GetTotalPauseDuration();
            var result = intake.Accept(papers, "arxiv", alert: true);
            var ingest = watch.Elapsed;
            watch.Restart();
            var byId = subscriptions.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var all = loading.Time(() => outbox.LoadOpen());
            // Planned target by target as dispatch sends it: the day's batches are counted, not kept.
            var (batches, items) = planning.Time(() =>
            {
                var (b, n) = (0, 0);
                foreach (var target in new DispatchPlanner(20).PlanByTarget(all, byId, DateTimeOffset.UtcNow, digestsDueNow: true))
                    (b, n) = (b + target.Count, n + target.Sum(x => x.Entries.Sum(e => e.Items.Count)));
                return (b, n);
            });
            var planned = watch.Elapsed;
            var day = ingest + planned;
            var dayCpu = Cpu() - cpu;
            var dayPaused = GC.GetTotalPauseDuration() - paused;
            watch.Restart();
            var dueItems = outbox.LoadOpen(DateTimeOffset.UtcNow).Targets.Sum(t => t.Items().Count);
            var duePass = watch.Elapsed;

            var matches = matcher.Match(papers);
            var (enqueue, load, cpuPerItem) = PerItem(matches, byId, dir);
            var perItem = matchAlone.TotalSeconds + (enqueue + load) * matches.Count / 1e6;
            var perItemCpu = matchAlone.TotalSeconds + cpuPerItem * matches.Count / 1e6; // matching is CPU-bound

            var documents = context.Database.GetCollection("outbox").Count();
            Console.WriteLine($"matches       {matches.Count:N0} from {matches.Select(m => m.SubscriptionId).Distinct().Count():N0} subscriptions, stored as {documents:N0} outbox documents");
            Console.WriteLine($"day           {day.TotalSeconds,8:F2} s   ingest + match + outbox {ingest.TotalSeconds:F2} s ({result.AlertsQueued:N0} alerts, {result.AlertsQueued / (double)size:F1} per subscription; matching alone {matchAlone.TotalSeconds:F2} s), plan from the store {planned.TotalSeconds:F2} s ({batches:N0} batches, {items:N0} items); CPU {dayCpu.TotalSeconds:F2} s");
            Console.WriteLine($"steps         {matching}, {enqueuing}, {loading}, {planning}; the rest (store the papers, bookkeeping) {(day - matching.Wall - enqueuing.Wall - loading.Wall - planning.Wall).TotalSeconds:F2} s; GC pauses {dayPaused.TotalSeconds:F2} s in all");
            Console.WriteLine($"due pass      {duePass.TotalSeconds,8:F2} s   an ordinary dispatch pass right after: reads only the {dueItems:N0} items of targets with something due");
            Console.WriteLine($"per-item path {perItem,8:F2} s   one document per item: enqueue {enqueue:F0} µs/item + reading it back {load:F0} µs/item (sample of {PerItemSample:N0}, extrapolated) + matching; {perItem / day.TotalSeconds:F1}x the day; CPU about {perItemCpu:F2} s, {perItemCpu / dayCpu.TotalSeconds:F1}x");
            Console.WriteLine($"target        ≤ {targetSeconds:F0} s: {(day.TotalSeconds <= targetSeconds ? "met" : "MISSED")}");
            return items == result.AlertsQueued && all.Targets.Sum(t => t.Items().Count) == result.AlertsQueued;
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The baseline on a sample of the day's matches, in its own file: enqueued in one transaction, read back.</summary>
    private static (double EnqueueMicros, double LoadMicros, double CpuMicros) PerItem(IReadOnlyList<PaperMatch> matches, Dictionary<string, Subscription> subscriptions, string dir)
    {
        var sample = matches.Take(PerItemSample).ToList();
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dir, "per-item.db"), Connection = ConnectionType.Direct });
        var outbox = new PerItemOutbox(db, sample.Select(m => m.SubscriptionId).Distinct().Select(id => (id, subscriptions[id].Subscriber.TargetKey)));
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        var queued = outbox.Enqueue(sample);
        var enqueue = watch.Elapsed.TotalMicroseconds / Math.Max(1, queued);
        watch.Restart();
        var read = outbox.LoadOpen();
        return (enqueue, watch.Elapsed.TotalMicroseconds / Math.Max(1, read), (Cpu() - cpu).TotalMicroseconds / Math.Max(1, queued));
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static List<Subscription> Subscriptions(MatchingWorkload workload, int size)
    {
        var created = DateTimeOffset.UtcNow.AddDays(-30);
        return [.. workload.Subscriptions(size, 11).Select((s, i) => new Subscription
        {
            Id = s.Id,
            // A fifth of the readers hold two subscriptions.
            Subscriber = Subscriber.Email($"reader{(i % 5 == 1 ? i - 1 : i)}@example.org"),
            Query = s.Query,
            Confirmed = true,
            CreatedAt = created,
            Mode = (i % 20) switch { < 8 => DeliveryMode.Instant, < 17 => DeliveryMode.Daily, _ => DeliveryMode.Weekly },
        })];
    }
}
