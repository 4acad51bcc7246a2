using System.Diagnostics;

namespace PaperBot.Benchmarks.Day;

/// <summary>Wall and process CPU time of one step of the day, and the bytes allocated, collections and GC pauses during it, summed
/// over its calls.</summary>
internal sealed class StepClock(string name)
{
    public string Name { get; } = name;
    public TimeSpan Wall { get; private set; }
    public TimeSpan Cpu { get; private set; }
    public TimeSpan Paused { get; private set; }
    public long Allocated { get; private set; }
    private readonly int[] _collections = new int[3];

    public T Time<T>(Func<T> step)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var before = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var result = step();
        Wall += watch.Elapsed;
        Cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Paused += GC.GetTotalPauseDuration() - paused;
        Allocated += GC.GetTotalAllocatedBytes() - allocated;
        for (var g = 0; g < 3; g++) _collections[g] += GC.CollectionCount(g) - before[g];
        return result;
    }

    // CollectionCount(g) counts collections of generation g or higher: the gen0-only ones are the difference.
    public override string ToString() =>
        $"{Name} {Wall.TotalSeconds:F2} s (CPU {Cpu.TotalSeconds:F2} s, {Allocated / 1e9:F1} GB allocated, GC {Paused.TotalSeconds:F2} s: {_collections[0] - _collections[1]}/{_collections[1] - _collections[2]}/{_collections[2]} gen0/1/2)";
}
