using PaperBot.Core.Storage;

namespace PaperBot.Storage;

/// <summary>
/// One short write transaction on the calling thread, under the write gate. LiteDB transactions are bound to their
/// thread and an exception inside one silently rolls it back, so the body must be synchronous and Commit is checked.
/// </summary>
internal static class WriteTransaction
{
    public static T Run<T>(LiteDbContext context, string what, Func<T> body)
    {
        lock (context.WriteGate)
        {
            var db = context.Database;
            if (!db.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
            T result;
            try
            {
                result = body();
            }
            catch
            {
                db.Rollback();
                throw;
            }
            if (!db.Commit()) throw new StorageException($"the database {context.Path} rejected {what} (commit failed); nothing was written.");
            return result;
        }
    }

    public static void Run(LiteDbContext context, string what, Action body) =>
        Run(context, what, () =>
        {
            body();
            return 0;
        });
}
