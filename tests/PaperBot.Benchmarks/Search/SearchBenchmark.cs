using System.Diagnostics;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Benchmarks.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Search;
using PaperBot.Search.Indexing;
using PaperBot.Search.Querying;

namespace PaperBot.Benchmarks.Search;

/// <summary>
/// B3 /search: builds the Lucene index of 100k and 1M generated papers (rebuild path), then times each query kind
/// (index only: translate, search, read the page's ids; and end to end: parse, search, read papers, highlight) beside
/// LiteDB without an index on a 20k sample. <c>--quick</c>: 20k papers, few queries, results checked against the evaluator.
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    private const int LiteDbSample = 20_000;

    public string Name => "search";
    public string Description => "full-text search: index 100k/1M papers, query p50/p99 by kind vs LiteDB scans (--quick: 20k)";

    public Task<bool> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        int[] sizes = quick ? [20_000] : args.Contains("--no-1m") ? [100_000] : [100_000, 1_000_000];
        var workload = new MatchingWorkload();
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Lucene.Net 4.8.0-beta00017");
        var ok = true;
        foreach (var size in sizes) ok &= Run(workload, size, quick ? 40 : 300, quick);
        return Task.FromResult(ok);
    }

    private static bool Run(MatchingWorkload workload, int size, int perKind, bool check)
    {
        Console.WriteLine();
        Console.WriteLine($"### {size:N0} papers");
        var clock = Stopwatch.StartNew();
        var corpus = new SearchCorpus(workload, size);
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:N1} s (not counted)");

        var folder = Path.Combine(Path.GetTempPath(), $"paperbot-search-bench-{Guid.NewGuid():N}");
        try
        {
            var (indexing, cpu, bytes) = Build(corpus, folder);
            Console.WriteLine($"indexing: {size / indexing.TotalSeconds:N0} papers/s ({indexing.TotalSeconds:N1} s wall, one commit; {cpu.TotalSeconds:N1} s CPU = {size / cpu.TotalSeconds:N0} papers per CPU-second; load average {LoadAverage()}); index {bytes / 1048576.0:N0} MiB ({bytes / (double)size:N0} B/paper)");

            clock.Restart();
            using var index = SearchIndex.Open(folder);
            var indexer = new PaperIndexer(index, corpus, NullLogger<PaperIndexer>.Instance);
            var catchUp = indexer.CatchUp();
            Console.WriteLine($"reopen + catch-up check: {clock.Elapsed.TotalMilliseconds:N0} ms (replayed {catchUp.Replayed}, rebuilt: {catchUp.RebuiltBecause ?? "no"})");

            var search = new PaperSearch(index, corpus, new FixedClock(corpus.End));
            var kinds = QueryMix.Kinds(corpus.All, perKind);
            var ok = !check || Check(search, corpus, kinds);
            using var baseline = new LiteDbBaseline([.. corpus.All.Take(Math.Min(LiteDbSample, size))]);
            var latencies = Report(index, search, corpus, kinds, baseline, size);
            Incremental(indexer, workload, corpus);
            if (size >= 1_000_000) Targets(size / indexing.TotalSeconds, latencies);
            return ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (TimeSpan Elapsed, TimeSpan Cpu, long Bytes) Build(SearchCorpus corpus, string folder)
    {
        using var index = SearchIndex.Open(folder);
        var indexer = new PaperIndexer(index, corpus, NullLogger<PaperIndexer>.Instance);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        indexer.Rebuild();
        var elapsed = clock.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        index.Dispose(); // waits for background merges: the size and the searches below see the settled index
        return (elapsed, cpu, new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length));
    }

    // Other work on the machine (the numbers are wall-clock): the 1-minute load average from /proc/loadavg.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static Dictionary<string, Latency.Percentiles> Report(SearchIndex index, PaperSearch search, SearchCorpus corpus, IReadOnlyList<QueryMix.Kind> kinds, LiteDbBaseline baseline, int size)
    {
        var latencies = new Dictionary<string, Latency.Percentiles>();
        var scale = size / (double)baseline.Count;
        Console.WriteLine();
        Console.WriteLine($"| query ({kinds[0].Requests.Count} each, top 20) | index p50 | index p99 | index CPU p50 / p99 | end-to-end p50 | end-to-end p99 | mean hits | LiteDB read+evaluate, {baseline.Count / 1000}k (x{scale:N0} = {size / 1000:N0}k) | ratio vs index p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        // Every kind's latencies first, the LiteDB scans after: the scans' garbage would otherwise be collected during the
        // next kind's timed queries.
        var measured = kinds.Select(kind =>
        {
            var translated = kind.Requests.Select(r => (Query: QueryTranslator.Translate(QueryParser.Parse(r.Text).Query!.Root), r.Sort)).ToList();
            var totals = 0L;
            var lucene = latencies[kind.Name] = Latency.Measure(translated, q => totals += SearchPage.Run(index, q.Query, null, q.Sort, 0, 20).Total);
            var endToEnd = Latency.Measure(kind.Requests, r => search.Search(r));
            return (kind, lucene, endToEnd, MeanHits: totals / (2.0 * translated.Count));
        }).ToList();
        foreach (var (kind, lucene, endToEnd, meanHits) in measured)
        {
            var scan = kind.Requests.Take(3).Average(baseline.EvaluateAllMs) * scale;
            Console.WriteLine($"| {kind.Name} | {lucene.P50:N2} ms | {lucene.P99:N2} ms | {lucene.CpuP50:N2} / {lucene.CpuP99:N2} ms | {endToEnd.P50:N2} ms | {endToEnd.P99:N2} ms | {meanHits:N0} | {scan:N0} ms | {scan / lucene.P50:N0}x |");
        }
        var word = Vocabulary.Technical[7];
        Console.WriteLine($"LiteDB Query.Contains(Title or Abstract, \"{word}\") on {baseline.Count:N0}: {baseline.ContainsScanMs(word):N0} ms (substring; x{scale:N0} for {size:N0}); LiteDB file {baseline.FileBytes / 1048576.0:N0} MiB");

        var counts = Enumerable.Repeat(20, 200).ToList();
        var everything = new MatchAllDocsQuery();
        var latest = Latency.Measure(counts, c => SearchPage.Run(index, everything, null, SearchSort.Newest, 0, c));
        var trending = Latency.Measure(counts, c => search.Trending(c, days: 7));
        var liteLatest = Enumerable.Range(0, 20).Select(_ => baseline.LatestMs(20)).Order().ElementAt(10);
        var cutoff = corpus.End.AddDays(-7);
        var sampleEnd = baseline.Count < size ? corpus.All[baseline.Count - 1].PublishedAt!.Value : corpus.End;
        var liteTrending = Enumerable.Range(0, 5).Select(_ => baseline.TrendingMs(sampleEnd.AddDays(-7 * scale).UtcDateTime, 20)).Order().ElementAt(2);
        Console.WriteLine($"latest 20 (served by the store): index date sort p50 {latest.P50:N2} ms, p99 {latest.P99:N2} ms; LiteDB date index on {baseline.Count:N0}: p50 {liteLatest:N2} ms");
        Console.WriteLine($"trending 20 over 7 days ({corpus.All.Count(p => p.PublishedAt >= cutoff):N0} papers in the window): index p50 {trending.P50:N2} ms, p99 {trending.P99:N2} ms; LiteDB date range + sort on the same number of papers: {liteTrending:N1} ms");
        return latencies;
    }

    // The issue's targets at 1M papers, for the six query kinds it names (index latency, wall clock).
    private static void Targets(double papersPerSecond, Dictionary<string, Latency.Percentiles> latencies)
    {
        string[] named = ["one term", "two-term AND", "phrase (2 words)", "author", "category + term", "one term, newest first"];
        static string Verdict(bool met) => met ? "met" : "MISSED";
        var p50 = named.Max(k => latencies[k].P50);
        var p99 = named.Where(k => !k.StartsWith("phrase", StringComparison.Ordinal)).Max(k => latencies[k].P99);
        var phrase = latencies["phrase (2 words)"].P99;
        var acrossFunctionWord = latencies["phrase with a function word (3 words)"].P99;
        Console.WriteLine($"targets at 1M: p50 <= 2 ms for every named kind: {Verdict(p50 <= 2)} (worst {p50:N2} ms); " +
                          $"p99 <= 20 ms: {Verdict(p99 <= 20)} (worst {p99:N2} ms); phrase p99 <= 50 ms: {Verdict(phrase <= 50)} ({phrase:N2} ms; not a named kind: across a function word {acrossFunctionWord:N2} ms); " +
                          $"indexing >= 8,000 papers/s: {Verdict(papersPerSecond >= 8000)} ({papersPerSecond:N0})");
    }

    // A day's ingest on top of the full index: 2,000 new papers in one batch (one commit and searcher refresh).
    private static void Incremental(PaperIndexer indexer, MatchingWorkload workload, SearchCorpus corpus)
    {
        var day = workload.Papers(2000, seed: 99).Select((p, i) => p with
        {
            Id = PaperId.Parse($"2612.{i:D5}"),
            PublishedAt = corpus.End.AddHours(1),
            FirstSeenAt = corpus.End.AddHours(1),
        }).ToList();
        var clock = Stopwatch.StartNew();
        indexer.Index(day);
        Console.WriteLine($"daily batch: 2,000 new papers indexed and committed in {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    // --quick: every kind's results (all hits, not just the top 20) equal the evaluator's on a 2,000-paper slice of dates.
    private static bool Check(PaperSearch search, SearchCorpus corpus, IReadOnlyList<QueryMix.Kind> kinds)
    {
        var since = corpus.All[^2000].PublishedAt!.Value;
        var recent = corpus.All.Where(p => p.PublishedAt >= since).Select(AnalyzedPaper.From).ToList();
        var differences = 0;
        foreach (var request in kinds.SelectMany(k => k.Requests.Take(10)))
        {
            var query = QueryParser.Parse(request.Text).Query!;
            var expected = recent.Where(p => QueryEvaluator.IsMatch(query, p)).Select(p => p.Paper.Id).ToHashSet();
            var actual = new HashSet<PaperId>();
            for (var offset = 0; offset < PaperSearch.MaxDepth; offset += SearchRequest.MaxLimit)
            {
                var page = search.Search(request with { Since = since, Offset = offset, Limit = SearchRequest.MaxLimit });
                actual.UnionWith(page.Hits.Select(h => h.Id));
                if (offset + SearchRequest.MaxLimit >= page.Total) break;
            }
            if (expected.SetEquals(actual)) continue;
            differences++;
            Console.WriteLine($"  differs: {request.Text}: evaluator {expected.Count}, search {actual.Count}");
        }
        Console.WriteLine(differences == 0 ? "check: search == evaluator on the last 2,000 papers for every kind" : $"check: {differences} queries MISMATCH");
        return differences == 0;
    }

    // "Now" is the end of the generated two years, so trending looks at the newest papers.
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
