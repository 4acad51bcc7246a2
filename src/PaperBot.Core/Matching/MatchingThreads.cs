using System.Collections.Concurrent;

namespace PaperBot.Core.Matching;

/// <summary>
/// Threads of matching's own, one per core, for its parallel loops. On the thread pool a day's matching held every pool
/// thread for a second or more, and the web requests and interactions queued behind it waited that long (p99 ~1.3 s
/// at 100k subscriptions); on threads of their own the OS shares the cores between both. A loop's caller only waits:
/// a task is never run inline on a thread that is not one of these.
/// </summary>
public sealed class MatchingThreads : TaskScheduler
{
    private static readonly Lazy<MatchingThreads> Shared = new(() => new MatchingThreads(Environment.ProcessorCount));

    private readonly BlockingCollection<Task> _queue = new();
    private readonly int _count;

    [ThreadStatic]
    private static MatchingThreads? _owner;

    private MatchingThreads(int count)
    {
        _count = count;
        for (var i = 0; i < count; i++)
            new Thread(Work) { IsBackground = true, Name = "PaperBot matching" }.Start();
    }

    /// <summary>Options that run a <see cref="Parallel"/> loop on these threads, as wide as there are cores.</summary>
    public static ParallelOptions Options => new() { TaskScheduler = Shared.Value, MaxDegreeOfParallelism = Shared.Value._count };

    public override int MaximumConcurrencyLevel => _count;

    private void Work()
    {
        _owner = this;
        foreach (var task in _queue.GetConsumingEnumerable()) TryExecuteTask(task);
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(_owner, this) && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();
}
