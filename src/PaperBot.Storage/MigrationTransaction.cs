using LiteDB;

namespace PaperBot.Storage;

/// <summary>A schema step's rewrite as one transaction on the migrating thread: all of it or, on a failure, none.</summary>
internal static class MigrationTransaction
{
    /// <param name="what">What the step does, for the error when the commit fails ("converting the outbox to runs").</param>
    public static void Run(LiteDatabase db, string what, Action body)
    {
        if (!db.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        try
        {
            body();
        }
        catch
        {
            db.Rollback();
            throw;
        }
        if (!db.Commit()) throw new InvalidOperationException(what + " did not commit");
    }
}
