using LiteDB;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

/// <summary>
/// One short write transaction on the calling thread, under the write gate. LiteDB transactions are bound to their
/// thread and an exception inside one silently rolls it back, so the body must be synchronous and Commit is checked.
/// Every write of the stores goes through here, so a write that fails on I/O is seen, reported and recovered from in
/// one place. A body that runs inside a transaction its caller opened joins it (a nested write, a bulk load).
/// </summary>
internal static class WriteTransaction
{
    public static T Run<T>(LiteDbContext context, string what, Func<T> body)
    {
        lock (context.WriteGate)
        {
            LiteDatabase db;
            try
            {
                db = context.Writable();
            }
            catch (Exception e) when (IsIoFailure(e))
            {
                throw Failed(context, what, e);
            }
            if (!db.BeginTrans()) return body();
            T result;
            try
            {
                result = body();
                if (!db.Commit()) throw new StorageException($"the database {context.Path} rejected {what} (commit failed); nothing was written.");
            }
            catch (Exception e) when (IsIoFailure(e))
            {
                context.Recover(e);
                throw Failed(context, what, e);
            }
            catch
            {
                db.Rollback();
                throw;
            }
            context.Succeeded();
            return result;
        }
    }

    public static void Run(LiteDbContext context, string what, Action body) =>
        Run(context, what, () =>
        {
            body();
            return 0;
        });

    private static StorageException Failed(LiteDbContext context, string what, Exception e) =>
        new($"the database {context.Path} could not write {what}: {e.Message}; nothing of it was written.", e);

    /// <summary>The file system failed under LiteDB (ENOSPC, EIO), or an earlier such failure closed the engine.</summary>
    private static bool IsIoFailure(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
            if (x is IOException or ObjectDisposedException or LiteException { ErrorCode: LiteException.ENGINE_DISPOSED }) return true;
        return false;
    }
}
