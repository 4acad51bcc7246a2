using System.Diagnostics;
using PaperBot.Benchmarks.Matching;
using PaperBot.Core.Papers;
using PaperBot.Storage;

namespace PaperBot.Benchmarks.Ingest;

/// <summary>
/// B2 ingest: generated papers stored through the real <see cref="LiteDbPaperStore"/> in batches (merge + dedup
/// against what is stored), beside the one-save-per-paper baseline in the same run. Reports papers/s and bytes/paper
/// on disk, a re-ingest of the same papers (everything unchanged) and a daily batch of 2,000 into the filled store.
/// </summary>
public sealed class IngestBenchmark : IBenchmark
{
    private const int BatchSize = 5_000;
    private const int DailyBatch = 2_000;

    public string Name => "ingest";
    public string Description => "bulk ingest of 100k papers into LiteDB with dedup vs one save per paper (--quick: 5k)";

    public Task<bool> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var (total, baselineSample) = quick ? (5_000, 500) : (100_000, 5_000);
        var workload = new MatchingWorkload();
        var papers = Renumber(workload.Papers(total + DailyBatch, 3));
        var bulk = papers.Take(total).ToList();
        var daily = papers.Skip(total).ToList();
        var dir = Path.Combine(Path.GetTempPath(), "paperbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var ok = true;
            Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, batches of {BatchSize:N0}");
            Console.WriteLine();
            Console.WriteLine("| step | papers | time | papers/s | result |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            using (var context = LiteDbContext.Open(Path.Combine(dir, "bulk.db")))
            {
                var store = new LiteDbPaperStore(context, TimeProvider.System);
                var (first, newCount) = Time(() => SaveInBatches(store, bulk, r => r.NewCount));
                Row("bulk ingest into an empty store", bulk.Count, first, $"{newCount:N0} new");
                var (again, unchanged) = Time(() => SaveInBatches(store, bulk, r => r.UnchangedCount));
                Row("the same papers again (dedup)", bulk.Count, again, $"{unchanged:N0} unchanged");
                var (day, dayNew) = Time(() => store.Save(daily, PaperSources.Arxiv).NewCount);
                Row($"daily batch into {total:N0} stored", daily.Count, day, $"{dayNew:N0} new");
                var (dayAgain, dayUnchanged) = Time(() => store.Save(daily, PaperSources.Arxiv).UnchangedCount);
                Row("the daily batch again", daily.Count, dayAgain, $"{dayUnchanged:N0} unchanged");
                context.Database.Checkpoint();
                var bytes = new FileInfo(context.Path).Length;
                Console.WriteLine();
                Console.WriteLine($"file: {bytes / 1048576.0:N1} MiB for {store.Count():N0} papers = {bytes / (double)store.Count():N0} bytes/paper");
                ok &= newCount == bulk.Count && unchanged == bulk.Count && dayNew == daily.Count && dayUnchanged == daily.Count;

                using var baselineContext = LiteDbContext.Open(Path.Combine(dir, "baseline.db"));
                var baselineStore = new LiteDbPaperStore(baselineContext, TimeProvider.System);
                var (one, _) = Time(() =>
                {
                    foreach (var p in bulk.Take(baselineSample)) baselineStore.Save([p], PaperSources.Arxiv);
                    return 0;
                });
                var perPaper = one / baselineSample;
                Console.WriteLine($"baseline, one save per paper: {baselineSample:N0} papers in {one.TotalSeconds:N2} s = {baselineSample / one.TotalSeconds:N0} papers/s; " +
                    $"{total:N0} would take {(perPaper * total).TotalSeconds:N0} s, {perPaper * total / first:N1}x the batched ingest");
                Console.WriteLine($"targets: {total:N0} papers <= 10 s: {(first.TotalSeconds <= 10 ? "met" : "MISSED")} ({first.TotalSeconds:N2} s); " +
                    $"daily {DailyBatch:N0} <= 0.5 s: {(day.TotalSeconds <= 0.5 ? "met" : "MISSED")} ({day.TotalSeconds:N2} s)");
            }
            Console.WriteLine(ok ? "counts check: ok" : "counts check: WRONG");
            return Task.FromResult(ok);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int SaveInBatches(LiteDbPaperStore store, List<Paper> papers, Func<Core.Storage.StoreResult, int> count)
    {
        var sum = 0;
        for (var i = 0; i < papers.Count; i += BatchSize) sum += count(store.Save(papers.GetRange(i, Math.Min(BatchSize, papers.Count - i)), PaperSources.Arxiv));
        return sum;
    }

    /// <summary>The workload's ids repeat every 100k: give each paper its own (yymm.nnnnn, one month per 100k); the store records provenance.</summary>
    private static List<Paper> Renumber(IReadOnlyList<Paper> papers) =>
        papers.Select((p, i) => p with { Id = PaperId.Parse($"{2401 + i / 100_000}.{i % 100_000:D5}"), Sources = [] }).ToList();

    private static (TimeSpan Elapsed, T Result) Time<T>(Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        return (watch.Elapsed, result);
    }

    private static void Row(string step, int papers, TimeSpan time, string result) =>
        Console.WriteLine($"| {step} | {papers:N0} | {time.TotalSeconds:N2} s | {papers / time.TotalSeconds:N0} | {result} |");
}
