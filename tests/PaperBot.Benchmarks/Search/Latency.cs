using System.Diagnostics;

namespace PaperBot.Benchmarks.Search;

/// <summary>Times each call of a query set after one untimed warm-up pass; reports p50 and p99 in milliseconds.</summary>
internal static class Latency
{
    public static (double P50, double P99) Measure<T>(IReadOnlyList<T> inputs, Action<T> run)
    {
        foreach (var input in inputs) run(input);
        var times = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run(inputs[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[times.Length / 2], times[Math.Min(times.Length - 1, (int)(times.Length * 0.99))]);
    }
}
