using System.Diagnostics;

namespace PaperBot.Benchmarks.Day;

/// <summary>Wall and process CPU time of one step of the day, summed over its calls.</summary>
internal sealed class StepClock(string name)
{
    public string Name { get; } = name;
    public TimeSpan Wall { get; private set; }
    public TimeSpan Cpu { get; private set; }

    public T Time<T>(Func<T> step)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = step();
        Wall += watch.Elapsed;
        Cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return result;
    }

    public override string ToString() => $"{Name} {Wall.TotalSeconds:F2} s (CPU {Cpu.TotalSeconds:F2} s)";
}
