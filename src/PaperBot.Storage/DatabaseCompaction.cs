using LiteDB;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

/// <summary>What a compaction did: the file's size before and after, or why it did not run.</summary>
public sealed record CompactionResult(long BytesBefore, long BytesAfter, string? SkippedBecause = null);

/// <summary>
/// Gives the space of deleted documents (pruned papers, delivered outbox runs) back to the file system. LiteDB reuses
/// free pages but never shrinks its file, and its <c>Rebuild</c> is broken past ~2,550 indexed documents (spikes.md), so
/// every collection and index is copied into a new file under the write gate, which then replaces the old one. A crash
/// at any point leaves either the old file or the new one whole; a leftover copy is removed at the next run.
/// </summary>
public static class DatabaseCompaction
{
    private const int Chunk = 5_000;

    /// <exception cref="StorageException">The copy could not be written; the database is unchanged.</exception>
    public static CompactionResult Compact(LiteDbContext context)
    {
        var copy = context.Path + ".compact";
        lock (context.WriteGate)
        {
            var source = context.Writable();
            source.Checkpoint();
            var before = new FileInfo(context.Path).Length;
            Discard(copy);
            var free = new DriveInfo(System.IO.Path.GetDirectoryName(context.Path)!).AvailableFreeSpace;
            if (free < before + before / 10)
                return new CompactionResult(before, before, $"the copy needs about {before:N0} bytes free beside the file; {free:N0} are");
            try
            {
                CopyInto(source, copy);
            }
            catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException)
            {
                Discard(copy);
                throw new StorageException($"compacting {context.Path} failed: {e.Message}; the database is unchanged.", e);
            }
            var after = new FileInfo(copy).Length;
            context.ReplaceFile(copy);
            return new CompactionResult(before, after);
        }
    }

    /// <summary>Removes a copy a crashed compaction left behind (its log included).</summary>
    public static void Discard(string copy)
    {
        if (File.Exists(copy)) File.Delete(copy);
        var log = DatabaseBackup.LogFileOf(copy);
        if (File.Exists(log)) File.Delete(log);
    }

    private static void CopyInto(LiteDatabase source, string path)
    {
        using var target = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        foreach (var name in source.GetCollectionNames())
        {
            var from = source.GetCollection(name);
            var to = target.GetCollection(name);
            foreach (var chunk in from.FindAll().Chunk(Chunk))
            {
                target.BeginTrans();
                to.InsertBulk(chunk);
                if (!target.Commit()) throw new IOException($"the copy of {name} was not committed");
            }
            foreach (var index in source.GetCollection("$indexes").Find(Query.EQ("collection", name)))
            {
                if (index["name"].AsString == "_id") continue;
                to.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
            }
        }
        target.UserVersion = source.UserVersion;
        target.Checkpoint();
    }
}
