using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PaperBot.Benchmarks.Search;

/// <summary>
/// Times each call of a query set after one untimed warm-up pass: wall-clock p50/p99 in milliseconds, and the same
/// for the calling thread's CPU time (Linux), which other processes on a shared machine barely disturb.
/// </summary>
internal static class Latency
{
    public sealed record Percentiles(double P50, double P99, double CpuP50, double CpuP99);

    public static Percentiles Measure<T>(IReadOnlyList<T> inputs, Action<T> run)
    {
        foreach (var input in inputs) run(input);
        var wall = new double[inputs.Count];
        var cpu = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var cpuStart = ThreadCpuMs();
            var start = Stopwatch.GetTimestamp();
            run(inputs[i]);
            wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ThreadCpuMs() - cpuStart;
        }
        return new Percentiles(Percentile(wall, 0.5), Percentile(wall, 0.99), Percentile(cpu, 0.5), Percentile(cpu, 0.99));
    }

    private static double Percentile(double[] values, double p)
    {
        Array.Sort(values);
        return values[Math.Min(values.Length - 1, (int)(values.Length * p))];
    }

    private const int ClockThreadCpuTime = 3;

    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        _ = ClockGetTime(ClockThreadCpuTime, out var time);
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
