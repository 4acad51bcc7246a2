using System.Diagnostics;
using LiteDB;
using PaperBot.Core.Storage;

namespace PaperBot.Storage;

/// <summary>
/// The one <see cref="LiteDatabase"/> of the process. LiteDB does not lock other processes out on Linux and two
/// writers corrupt the file, so an exclusive lock file beside it guards the database for the process's lifetime.
/// A write that fails on I/O (a full disk) can leave LiteDB's transaction stuck on its thread, so the engine is then
/// replaced by a fresh one on the same file (<see cref="Recover"/>): the unconfirmed log pages are ignored on open.
/// </summary>
public sealed class LiteDbContext : IDisposable
{
    private readonly FileStream? _lock;
    private LiteDatabase _db;
    private bool _broken;

    private LiteDbContext(LiteDatabase db, FileStream? lockFile, string path)
    {
        _db = db;
        _lock = lockFile;
        Path = path;
    }

    /// <summary>The current engine; replaced, under <see cref="WriteGate"/>, only after a failed write.</summary>
    public LiteDatabase Database => Volatile.Read(ref _db);
    public string Path { get; }

    /// <summary>Why the last write failed on I/O, until writes succeed for <see cref="CalmAfter"/> (for /healthz): on a
    /// full disk small writes may still fit while batches fail, and the status should not flicker.</summary>
    public string? WriteFailure { get; private set; }

    public static readonly TimeSpan CalmAfter = TimeSpan.FromMinutes(1);

    private long _failedAt;

    /// <summary>The subscriptions' routes and count, for enqueue; the subscription store reports every write to it.</summary>
    internal SubscriptionRoutes Routes { get; } = new();

    /// <summary>Serialises read-merge-write batches: the store decides what is new, atomically.</summary>
    internal Lock WriteGate { get; } = new();

    internal ILiteCollection<BsonDocument> Papers => Database.GetCollection(Collections.Papers);
    internal ILiteCollection<BsonDocument> Subscriptions => Database.GetCollection(Collections.Subscriptions);
    internal ILiteCollection<BsonDocument> Outbox => Database.GetCollection(Collections.Outbox);
    internal ILiteCollection<BsonDocument> OutboxPapers => Database.GetCollection(Collections.OutboxPapers);
    internal ILiteCollection<BsonDocument> OutboxClaims => Database.GetCollection(Collections.OutboxClaims);
    internal ILiteCollection<BsonDocument> OutboxCounts => Database.GetCollection(Collections.OutboxCounts);
    internal ILiteCollection<BsonDocument> SourceStates => Database.GetCollection(Collections.SourceStates);
    internal ILiteCollection<BsonDocument> Settings => Database.GetCollection(Collections.Settings);
    internal ILiteCollection<BsonDocument> Delivered => Database.GetCollection(Collections.Delivered);
    internal ILiteCollection<BsonDocument> DigestCursors => Database.GetCollection(Collections.DigestCursors);
    internal ILiteCollection<BsonDocument> PendingAlerts => Database.GetCollection(Collections.PendingAlerts);
    internal ILiteCollection<BsonDocument> Tombstones => Database.GetCollection(Collections.Tombstones);
    internal ILiteCollection<BsonDocument> Suppressions => Database.GetCollection(Collections.Suppressions);
    internal ILiteCollection<BsonDocument> Incidents => Database.GetCollection(Collections.Incidents);
    internal ILiteCollection<BsonDocument> IncidentNotices => Database.GetCollection(Collections.IncidentNotices);

    /// <summary>Opens (creating if needed) the database file, takes the lock and brings the schema up to date.</summary>
    /// <exception cref="StorageException">Locked by another process, unreadable, or from a newer schema.</exception>
    public static LiteDbContext Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"cannot create the database folder {dir}: {e.Message}", e);
        }

        var lockFile = AcquireLock(full);
        DatabaseCompaction.Discard(full + ".compact");
        LiteDatabase? db = null;
        try
        {
            db = Engine(full);
            Schema.Migrate(db, full);
            return new LiteDbContext(db, lockFile, full);
        }
        catch (StorageException)
        {
            db?.Dispose();
            lockFile.Dispose();
            throw;
        }
        catch (Exception e) when (e is LiteException or InvalidCastException or IndexOutOfRangeException or ArgumentException or IOException or InvalidOperationException)
        {
            db?.Dispose();
            lockFile.Dispose();
            throw new StorageException($"the database file {full} is corrupted or not a PaperBot database ({e.Message}). Restore a backup or move the file away.", e);
        }
    }

    private static LiteDatabase Engine(string path)
    {
        var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        db.Timeout = TimeSpan.FromSeconds(30); // the connection string's Timeout= is ignored
        return db;
    }

    internal void Succeeded()
    {
        if (WriteFailure is not null && Stopwatch.GetElapsedTime(_failedAt) >= CalmAfter) WriteFailure = null;
    }

    /// <summary>
    /// Called under <see cref="WriteGate"/> after a write failed on I/O: drops the engine (its transaction may be stuck
    /// on a thread, its caches may hold pages that never reached the file) and opens the file again. When the file
    /// cannot be opened yet, the next write tries again.
    /// </summary>
    internal void Recover(Exception cause)
    {
        WriteFailure = cause.Message;
        _failedAt = Stopwatch.GetTimestamp();
        try
        {
            _db.Dispose();
        }
        catch (Exception e) when (e is IOException or LiteException or ObjectDisposedException or InvalidOperationException)
        {
            // The broken engine may fail to flush on its way out; what it could not write was never confirmed.
        }
        Reopen(e => $"{cause.Message} (reopening the database failed: {e})");
    }

    /// <summary>
    /// Puts <paramref name="replacement"/> (a compacted copy) in place of the file; under <see cref="WriteGate"/>. The
    /// engine is closed first (it checkpoints on the way), so its log holds nothing and no stale log is replayed into the
    /// new file. A read on another thread in the few milliseconds between close and reopen fails (a request answers 500
    /// once, a job tries again at its next run): compaction runs weekly, at 04:00 UTC.
    /// </summary>
    internal void ReplaceFile(string replacement)
    {
        _db.Dispose();
        var log = DatabaseBackup.LogFileOf(Path);
        if (File.Exists(log)) File.Delete(log);
        File.Move(replacement, Path, overwrite: true);
        Reopen(e => $"reopening the compacted database failed: {e}");
    }

    /// <summary>Opens a new engine on the file; when it cannot, says why and leaves it to the next write.</summary>
    private void Reopen(Func<string, string> failure)
    {
        try
        {
            Volatile.Write(ref _db, Engine(Path));
        }
        catch (Exception e) when (e is IOException or LiteException or UnauthorizedAccessException)
        {
            WriteFailure = failure(e.Message);
            _broken = true;
        }
    }

    /// <summary>Reopens the file when the last <see cref="Recover"/> could not; under <see cref="WriteGate"/>.</summary>
    internal LiteDatabase Writable()
    {
        if (_broken)
        {
            Volatile.Write(ref _db, Engine(Path));
            _broken = false;
        }
        return _db;
    }

    /// <summary>Whether a process holds the database's lock file (a running service, or another verb).</summary>
    public static bool IsInUse(string path)
    {
        var lockPath = System.IO.Path.GetFullPath(path) + ".lock";
        try
        {
            using var probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static FileStream AcquireLock(string dbPath)
    {
        var lockPath = dbPath + ".lock";
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(Environment.ProcessId);
            writer.Flush();
            return stream;
        }
        catch (IOException e)
        {
            throw new StorageException($"the database {dbPath} is in use by another PaperBot process (lock file {lockPath}). Stop it, or run this command inside the running container.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StorageException($"no permission to open {lockPath}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        Database.Dispose();
        _lock?.Dispose();
    }
}

internal static class Collections
{
    public const string Papers = "papers";
    public const string Subscriptions = "subscriptions";
    public const string Outbox = "outbox";
    public const string OutboxPapers = "outbox_papers";
    public const string OutboxClaims = "outbox_claims";
    public const string OutboxCounts = "outbox_counts";
    public const string SourceStates = "source_states";
    public const string Delivered = "delivered";
    public const string DigestCursors = "digest_cursors";
    public const string PendingAlerts = "pending_alerts";
    public const string Tombstones = "paper_tombstones";
    public const string Suppressions = "suppressions";
    public const string Settings = "settings";
    public const string Incidents = "incidents";
    public const string IncidentNotices = "incident_notices";
}
