using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using PaperBot.Core.Papers;

namespace PaperBot.Search.Indexing;

/// <summary>
/// Feeds papers from one enumerator to the index writer on every core. The enumerator stays on the calling thread
/// (a LiteDB cursor is bound to its thread); building documents and inverting them, most of the work, runs in parallel
/// (Lucene's writer takes documents from many threads). Workers always finish before this returns, so a failure or
/// a cancellation never leaves a thread writing behind the caller's back.
/// </summary>
internal static class ParallelFeed
{
    public static (int Count, IndexCheckpoint Checkpoint) Run(IEnumerable<Paper> papers, Action<Paper> add, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<Paper>(boundedCapacity: 1024);
        var errors = new ConcurrentQueue<Exception>();
        var workers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(() => Consume(queue, add, errors, stop), CancellationToken.None))
            .ToArray();
        var (count, checkpoint) = (0, IndexCheckpoint.Empty);
        try
        {
            foreach (var paper in papers)
            {
                queue.Add(paper, stop.Token);
                checkpoint = checkpoint.Covering(paper.LastStoredAt);
                count++;
            }
        }
        catch (OperationCanceledException) when (!errors.IsEmpty)
        {
            // A worker failed and stopped the feed: its exception is the one to report.
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(workers, CancellationToken.None);
        }
        if (errors.TryDequeue(out var error)) ExceptionDispatchInfo.Capture(error).Throw();
        cancellationToken.ThrowIfCancellationRequested();
        return (count, checkpoint);
    }

    private static void Consume(BlockingCollection<Paper> queue, Action<Paper> add, ConcurrentQueue<Exception> errors, CancellationTokenSource stop)
    {
        try
        {
            foreach (var paper in queue.GetConsumingEnumerable(stop.Token)) add(paper);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the caller or by another worker's failure.
        }
        catch (Exception e)
        {
            // Handed to the caller's thread rather than lost on a pool thread.
            errors.Enqueue(e);
            stop.Cancel();
        }
    }
}
