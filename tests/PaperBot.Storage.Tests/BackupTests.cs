using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class BackupTests
{
    private const int BatchSize = 50;

    [Fact]
    public async Task A_backup_taken_while_batches_are_written_opens_as_a_valid_database_holding_whole_batches()
    {
        using var db = new TestDatabase();
        using var backups = new TempDirectory();
        using var writing = new CancellationTokenSource();
        var batches = 0;
        var writer = Task.Run(() =>
        {
            while (!writing.IsCancellationRequested)
            {
                var first = batches * BatchSize;
                db.Papers.Save([.. Enumerable.Range(first, BatchSize).Select(i => new Paper { Id = PaperId.Parse($"2503.{i:D5}"), Title = $"Paper {i}" })], PaperSources.File);
                Interlocked.Increment(ref batches);
            }
        });
        while (Volatile.Read(ref batches) < 2) await Task.Yield();

        var copies = Enumerable.Range(0, 5).Select(i => DatabaseBackup.WriteTo(db.Context, backups.File($"copy-{i}.db"))).ToList();
        await writing.CancelAsync();
        await writer;

        foreach (var copy in copies)
        {
            Assert.Equal(copy, DatabaseBackup.Inspect(copy.Path) with { Path = copy.Path });
            Assert.True(copy.Papers > 0 && copy.Papers % BatchSize == 0, $"{copy.Papers} papers is not a whole number of batches");
            using var reopened = LiteDbContext.Open(copy.Path); // a valid PaperBot database, at the current schema
            Assert.Equal(copy.Papers, new LiteDbPaperStore(reopened, TimeProvider.System).Stream().Count());
        }
        Assert.False(File.Exists(backups.File("copy-0.db.partial")));
    }

    [Fact]
    public void A_backup_to_a_path_that_cannot_be_written_fails_clearly_and_leaves_nothing()
    {
        using var db = new TestDatabase();
        using var backups = new TempDirectory();
        File.WriteAllText(backups.File("not-a-folder"), "");

        var error = Assert.Throws<StorageException>(() => DatabaseBackup.WriteTo(db.Context, backups.File("not-a-folder/copy.db")));

        Assert.Contains("not-a-folder", error.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(backups.Path));
    }
}
