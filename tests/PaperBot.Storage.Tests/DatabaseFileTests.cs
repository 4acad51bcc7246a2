using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class DatabaseFileTests
{
    [Fact]
    public void A_second_opener_of_the_same_file_gets_a_clear_error_naming_the_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        using var first = LiteDbContext.Open(path);

        var error = Assert.Throws<StorageException>(() => LiteDbContext.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("in use by another PaperBot process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_can_be_reopened_after_the_first_owner_closes_it_and_keeps_its_data()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        var time = TimeProvider.System;
        using (var ctx = LiteDbContext.Open(path))
            new LiteDbPaperStore(ctx, time).Save([new Paper { Id = PaperId.Parse("2503.00001"), Title = "T" }], PaperSources.File);

        using var again = LiteDbContext.Open(path);
        Assert.Equal(1, new LiteDbPaperStore(again, time).Count());
        Assert.Equal(Schema.CurrentVersion, again.Database.UserVersion);
    }

    [Fact]
    public void A_corrupted_file_gives_a_clear_error_naming_the_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31 % 251))]);

        var error = Assert.Throws<StorageException>(() => LiteDbContext.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupted", error.Message, StringComparison.Ordinal);
        using var retry = new FileStream(path + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None); // lock released
    }

    [Fact]
    public void A_file_from_a_newer_schema_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paperbot.db");
        using (var ctx = LiteDbContext.Open(path)) ctx.Database.UserVersion = Schema.CurrentVersion + 1;

        var error = Assert.Throws<StorageException>(() => LiteDbContext.Open(path));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }
}
