using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LiteDB;

namespace PaperBot.Storage;

/// <summary>
/// Documents built on a thread of their own while the caller consumes them (an insert on the thread its LiteDB
/// transaction is bound to): handed over in blocks, a bounded number at a time. A failure while building ends the
/// caller's enumeration with that exception, so its transaction rolls back; disposing stops the builder.
/// </summary>
internal sealed class BuiltAside : IDisposable
{
    private const int BlockSize = 256;
    private const int BlocksAhead = 16;

    private readonly BlockingCollection<BsonDocument[]> _blocks = new(BlocksAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _builder;
    private ExceptionDispatchInfo? _failure;

    // A thread of its own: it builds for the whole enqueue (seconds on a big day), which would hold a pool thread.
    private BuiltAside(IEnumerable<BsonDocument> source) =>
        _builder = Task.Factory.StartNew(() => Build(source), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static BuiltAside Start(IEnumerable<BsonDocument> source) => new(source);

    public IEnumerable<BsonDocument> Documents()
    {
        foreach (var block in _blocks.GetConsumingEnumerable())
        {
            foreach (var doc in block) yield return doc;
        }
        _builder.Wait();
        _failure?.Throw();
    }

    private void Build(IEnumerable<BsonDocument> source)
    {
        try
        {
            var block = new List<BsonDocument>(BlockSize);
            foreach (var doc in source)
            {
                block.Add(doc);
                if (block.Count < BlockSize) continue;
                _blocks.Add([.. block], _stop.Token);
                block.Clear();
            }
            if (block.Count > 0) _blocks.Add([.. block], _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer stopped (its insert failed): nothing more is wanted.
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _blocks.CompleteAdding();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _builder.Wait();
        }
        catch (AggregateException)
        {
            // Build records its own failures; a cancelled wait has nothing to add.
        }
        _blocks.Dispose();
        _stop.Dispose();
    }
}
