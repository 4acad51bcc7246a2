using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class CompactionTests
{
    [Fact]
    public void Compacting_after_a_large_prune_shrinks_the_file_and_keeps_every_document_index_and_the_schema_version()
    {
        using var db = new TestDatabase();
        // Past the ~2,550 indexed documents where LiteDB's own Rebuild breaks.
        db.Papers.Save([.. Enumerable.Range(0, 6_000).Select(i => new Paper { Id = PaperId.Parse($"2503.{i:D5}"), Title = $"Paper {i}", Abstract = new string('x', 800) })], PaperSources.File);
        db.Subscriptions.Add(new Subscription { Id = "s1", Subscriber = Subscriber.Email("grace@example.org"), Query = "graph", Confirmed = true });
        db.Time.Advance(TimeSpan.FromDays(40));
        db.Papers.Save([.. Enumerable.Range(6_000, 500).Select(i => new Paper { Id = PaperId.Parse($"2503.{i:D5}"), Title = $"Paper {i}" })], PaperSources.File);
        var pruned = new LiteDbRetention(db.Context, db.Time).Prune(db.Time.GetUtcNow() - TimeSpan.FromDays(30));
        Assert.Equal(6_000, pruned.Count);
        var indexes = Indexes(db.Context.Database);
        var version = db.Context.Database.UserVersion;

        var result = DatabaseCompaction.Compact(db.Context);

        Assert.Null(result.SkippedBecause);
        Assert.True(result.BytesAfter < result.BytesBefore / 3, $"{result.BytesBefore:N0} -> {result.BytesAfter:N0} bytes");
        Assert.Equal(result.BytesAfter, new FileInfo(db.Path).Length);
        Assert.Equal(500, db.Papers.Stream().Count());
        Assert.True(new LiteDbRetention(db.Context, db.Time).IsTombstoned(PaperId.Parse("2503.00001")));
        Assert.Equal("graph", db.Subscriptions.Find("s1")?.Query);
        Assert.Equal(indexes, Indexes(db.Context.Database));
        Assert.Equal(version, db.Context.Database.UserVersion);
        Assert.False(File.Exists(db.Path + ".compact"));

        // The new file takes writes and survives a restart.
        db.Papers.Save([new Paper { Id = PaperId.Parse("2504.00001"), Title = "After compaction" }], PaperSources.File);
        db.Reopen();
        Assert.Equal("After compaction", db.Papers.Find(PaperId.Parse("2504.00001"))?.Title);
        Assert.Equal(501, db.Papers.Stream().Count());
    }

    [Fact]
    public void A_copy_left_by_a_compaction_that_crashed_is_removed_at_open_and_the_database_is_untouched()
    {
        using var db = new TestDatabase();
        db.Papers.Save([new Paper { Id = PaperId.Parse("2503.00001"), Title = "Kept" }], PaperSources.File);
        db.Context.Dispose();
        File.WriteAllBytes(db.Path + ".compact", new byte[8192]); // half-written

        db.Reopen();

        Assert.False(File.Exists(db.Path + ".compact"));
        Assert.Equal("Kept", db.Papers.Find(PaperId.Parse("2503.00001"))?.Title);
    }

    private static List<string> Indexes(LiteDatabase db) =>
    [
        .. db.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}={i["expression"].AsString}:{i["unique"].AsBoolean}").Order(StringComparer.Ordinal),
    ];
}
