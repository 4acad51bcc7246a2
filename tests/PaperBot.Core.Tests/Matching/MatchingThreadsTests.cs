using System.Collections.Concurrent;
using PaperBot.Core.Matching;

namespace PaperBot.Core.Tests.Matching;

public class MatchingThreadsTests
{
    [Fact]
    public async Task A_loop_runs_every_index_once_on_matching_threads_and_none_on_the_thread_pool()
    {
        var runs = new ConcurrentDictionary<int, int>();
        var threads = new ConcurrentBag<(bool Pool, string? Name)>();

        // The caller is a pool thread, as a Quartz job's is: it waits, it does not run the loop's work.
        await Task.Run(() => Parallel.For(0, 1_000, MatchingThreads.Options, i =>
        {
            runs.AddOrUpdate(i, 1, (_, n) => n + 1);
            threads.Add((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
        }));

        Assert.Equal(1_000, runs.Count);
        Assert.All(runs.Values, n => Assert.Equal(1, n));
        Assert.All(threads, t => Assert.Equal((false, "PaperBot matching"), t));
    }

    [Fact]
    public void A_failure_in_a_loop_reaches_its_caller_and_the_threads_keep_serving()
    {
        var failed = Assert.Throws<AggregateException>(() =>
            Parallel.For(0, 100, MatchingThreads.Options, i =>
            {
                if (i == 42) throw new InvalidOperationException("paper 42");
            }));
        Assert.Contains(failed.InnerExceptions, e => e.Message == "paper 42");

        var sum = 0L;
        Parallel.For(0, 100, MatchingThreads.Options, i => Interlocked.Add(ref sum, i));
        Assert.Equal(4_950, sum);
    }

    [Fact]
    public void A_loop_is_as_wide_as_the_machine_has_cores()
    {
        Assert.Equal(Environment.ProcessorCount, MatchingThreads.Options.MaxDegreeOfParallelism);
        Assert.Equal(Environment.ProcessorCount, MatchingThreads.Options.TaskScheduler!.MaximumConcurrencyLevel);
    }
}
