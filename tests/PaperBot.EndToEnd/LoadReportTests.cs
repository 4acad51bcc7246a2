using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PaperBot.EndToEnd.Harness;
using PaperBot.EndToEnd.Harness.Load;
using Xunit.Abstractions;

namespace PaperBot.EndToEnd;

/// <summary>
/// The load report (benchmark-style: it reports, it does not time-box): a million subscriptions written into the
/// database before the start, then a 2,000-paper day polled, stored and matched by the running process while 100
/// signed interactions arrive at once. Peak memory, match time, interaction p50/p99, alerts queued.
/// </summary>
public sealed partial class LoadReportTests(ITestOutputHelper output)
{
    private const int DayPapers = 2_000;
    private const int Interactions = 100;

    [LoadFact]
    public async Task A_2000_paper_day_is_matched_against_the_loaded_subscriptions_while_100_concurrent_interactions_are_answered()
    {
        var subscriptions = LoadSettings.Subscriptions;
        await using var d = await Deployment.CreateAsync(seed: 70);
        d.Shelf.Window = DayPapers + 100;
        var written = Stopwatch.StartNew();
        SubscriptionLoader.Write(d.DatabasePath, subscriptions, seed: 70);
        written.Stop();

        var starting = Stopwatch.StartNew();
        await d.StartWithBaselineAsync(patience: TimeSpan.FromMinutes(10));
        starting.Stop();
        d.Shelf.PublishRandom(DayPapers, ShelfSource.HuggingFace);

        // Waves of 100 at once until the day is stored and matched, so they meet the ingest, not an idle process.
        var latencies = new List<(string Command, double Ms)>();
        var waves = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        do
        {
            latencies.AddRange(await InteractionsAsync(d, waves++));
        }
        while (!IngestedDay().IsMatch(d.Process!.Output) && DateTime.UtcNow < deadline);
        await d.EventuallyAsync(() => IngestedDay().IsMatch(d.Process!.Output), TimeSpan.FromSeconds(10), "the day ingested and matched");
        var ingested = IngestedDay().Match(d.Process!.Output);
        using var http = new HttpClient { BaseAddress = d.WebUri };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"load: {subscriptions:N0} subscriptions written in {written.Elapsed.TotalSeconds:0.0} s; process ready in {starting.Elapsed.TotalSeconds:0.0} s")
            .AppendLine(CultureInfo.InvariantCulture, $"day: {ingested.Groups["new"].Value} new papers, {ingested.Groups["alerts"].Value} alerts queued, poll to queued {ingested.Groups["ms"].Value} ms")
            .AppendLine(CultureInfo.InvariantCulture, $"match (paperbot_core_match_duration_seconds): {Metric(metrics, "match_duration", "_sum"):0.000} s over {Metric(metrics, "match_duration", "_count"):0} batches")
            .AppendLine(CultureInfo.InvariantCulture, $"interactions: {waves} waves of {Interactions} at once during the day, p50 {Percentile(Ms(latencies), 0.50):0} ms, p99 {Percentile(Ms(latencies), 0.99):0} ms, max {latencies.Max(l => l.Ms):0} ms")
            .AppendLine("  by command (p99 / max ms): " + string.Join(", ", latencies.GroupBy(l => l.Command).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {Percentile(Ms(g), 0.99):0} / {g.Max(l => l.Ms):0}"))))
            .AppendLine(CultureInfo.InvariantCulture, $"peak memory (VmHWM): {PeakMegabytes(d.Process.Id):N0} MB; process CPU {Process.GetProcessById(d.Process.Id).TotalProcessorTime.TotalSeconds:0.0} s")
            .ToString();
        output.WriteLine(report);

        Assert.Equal(DayPapers.ToString(CultureInfo.InvariantCulture), ingested.Groups["new"].Value);
        Assert.True(int.Parse(ingested.Groups["alerts"].Value, CultureInfo.InvariantCulture) > 0, report);
        Assert.Equal(Interactions * waves, latencies.Count);
    }

    /// <summary>Searches, latest, trending and help, signed and sent at once while the day is ingested; each
    /// answer's time until its first response (inline, or the deferral).</summary>
    private static async Task<List<(string Command, double Ms)>> InteractionsAsync(Deployment d, int wave)
    {
        string[] commands = ["search", "latest", "trending", "help"];
        string Body(int i)
        {
            var user = "7" + (wave * Interactions + i).ToString(CultureInfo.InvariantCulture);
            return i % 4 == 0
                ? DiscordInteractions.InDm("search", user, ("query", PaperShelf.TopicWords[i % 4]))
                : DiscordInteractions.InDm(commands[i % 4], user);
        }
        var tasks = Enumerable.Range(0, Interactions).Select(async i =>
        {
            var body = Encoding.UTF8.GetBytes(Body(i));
            var clock = Stopwatch.StartNew();
            using var response = await d.Interactions.PostSignedAsync(body, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (commands[i % 4], clock.Elapsed.TotalMilliseconds);
        });
        return [.. await Task.WhenAll(tasks)];
    }

    private static List<double> Ms(IEnumerable<(string Command, double Ms)> latencies) => [.. latencies.Select(l => l.Ms)];

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>The sum over a metric's series whose name holds <paramref name="part"/> and ends with <paramref name="suffix"/>.</summary>
    private static double Metric(string metrics, string part, string suffix) =>
        metrics.Split('\n').Where(l => !l.StartsWith('#') && l.Split(['{', ' '])[0] is var name
                && name.Contains(part, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static long PeakMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();

    [GeneratedRegex(@"Ingested huggingface: (?<new>\d{4,}) new, \d+ updated, \d+ unchanged, \d+ rejected, (?<alerts>\d+) alerts in (?<ms>\d+) ms")]
    private static partial Regex IngestedDay();
}
