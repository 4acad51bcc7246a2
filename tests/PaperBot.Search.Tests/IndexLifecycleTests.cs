using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PaperBot.Search.Analysis;
using PaperBot.Search.Indexing;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

public sealed class IndexLifecycleTests
{
    [Fact]
    public void PapersIndexedAfterSavingAreFoundAndSurviveAReopenWithoutARebuild()
    {
        using var search = new SearchFixture();
        search.Save(Papers.Make(1, "Diffusion"), Papers.Make(2, "Graphs"));

        search.Reopen();

        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
        Assert.Equal(new IndexCatchUp(0, null, 2), search.LastCatchUp);
    }

    [Fact]
    public void APaperWithAWordLongerThanLuceneTakesIsIndexedWithoutThatWord()
    {
        // Found by the end-to-end fuzzing: Lucene refuses a whole document with one term over 32,766 bytes.
        var immense = "math.ap" + new string('a', 40_000);
        using var search = new SearchFixture();

        search.Save(Papers.Make(1, "Diffusion " + immense, immense, authors: [immense], categories: [immense, "cs.CV"]));

        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
        Assert.Equal(["2501.00001"], search.Ids("cat:cs.CV"));
    }

    [Fact]
    public void AnUpdatedPaperReplacesItsOldDocument()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"));

        search.Save(Papers.Make(1, "Graphs"));

        Assert.Empty(search.Ids("diffusion"));
        Assert.Equal(["2501.00001"], search.Ids("graph"));
        Assert.Equal(1, search.Index.Count);
    }

    [Fact]
    public void AMissingIndexIsBuiltFromTheStoreOnOpen()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"), Papers.Make(2, "Graphs"));

        Assert.Equal(IndexOpenState.Missing, search.Index.OpenState);
        Assert.Equal("the index was missing", search.LastCatchUp.RebuiltBecause);
        Assert.Equal(["2501.00002"], search.Ids("graph"));
    }

    [Fact]
    public void ADeletedIndexFolderIsRebuiltOnOpen()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"));
        search.Close();
        System.IO.Directory.Delete(search.IndexPath, recursive: true);

        search.Open();

        Assert.Equal(IndexOpenState.Missing, search.Index.OpenState);
        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
    }

    [Fact]
    public void ACorruptedIndexIsRebuiltOnOpen()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"));
        search.Close();
        foreach (var file in System.IO.Directory.EnumerateFiles(search.IndexPath).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);

        search.Open();

        Assert.Equal(IndexOpenState.Corrupt, search.Index.OpenState);
        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
    }

    [Fact]
    public void AnIndexFromAnOlderSchemaVersionIsRebuiltOnOpen()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"));
        search.Close();
        WriteOldVersionIndex(search.IndexPath);

        search.Open();

        Assert.Equal(IndexOpenState.OldVersion, search.Index.OpenState);
        Assert.Equal(1, search.Index.Count);
        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
    }

    [Fact]
    public void PapersSavedButNotIndexedBeforeACrashAreReplayedOnOpen()
    {
        using var search = new SearchFixture();
        search.Save(Papers.Make(1, "Diffusion", firstSeen: Papers.Now));
        // The crash: the store committed this batch, the index never heard of it.
        search.Store.Save([Papers.Make(2, "Diffusion again", firstSeen: Papers.Now.AddMinutes(5)), Papers.Make(3, "Diffusion too", firstSeen: Papers.Now.AddMinutes(5))], "test");
        search.Close();

        search.Open();

        Assert.Equal(new IndexCatchUp(2, null, 3), search.LastCatchUp);
        Assert.Equal(["2501.00001", "2501.00002", "2501.00003"], search.Ids("diffusion").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void APaperUpdatedInTheStoreButNotInTheIndexBeforeACrashIsReindexedOnOpen()
    {
        using var search = new SearchFixture();
        search.Save(Papers.Make(1, "Diffusion", firstSeen: Papers.Now), Papers.Make(2, "Diffusion", firstSeen: Papers.Now));
        // The crash: the store committed the new title, the index still has the old one.
        search.Store.Save([Papers.Make(2, "Transformers", firstSeen: Papers.Now) with { ChangedAt = Papers.Now.AddDays(1) }], "test");
        search.Close();

        search.Open();

        Assert.Equal(new IndexCatchUp(1, null, 2), search.LastCatchUp);
        Assert.Equal(["2501.00002"], search.Ids("transformers"));
        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
    }

    [Fact]
    public void AnIndexThatStillDisagreesWithTheStoreAfterReplayIsRebuilt()
    {
        using var search = new SearchFixture();
        search.Save(Papers.Make(2, "Diffusion", firstSeen: Papers.Now));
        // Saved unindexed with an earlier first-seen time than the checkpoint (a clock step back): replay cannot see it.
        search.Store.Save([Papers.Make(1, "Diffusion early", firstSeen: Papers.Now.AddDays(-1))], "test");

        search.Reopen();

        Assert.Equal("it held 1 papers and the store 2", search.LastCatchUp.RebuiltBecause);
        Assert.Equal(2, search.Ids("diffusion").Count);
    }

    [Fact]
    public void ACancelledRebuildLeavesThePreviousIndexSearchable()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => search.Indexer.Rebuild(cancelled.Token));

        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
        search.Save(Papers.Make(2, "Diffusion"));
        Assert.Equal(2, search.Ids("diffusion").Count);
    }

    [Fact]
    public void RebuildIndexesEveryStoredPaperAgain()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"), Papers.Make(2, "Graphs"));
        search.Store.Save([Papers.Make(3, "Diffusion")], "test");

        Assert.Equal(3, search.Indexer.Rebuild());
        Assert.Equal(2, search.Ids("diffusion").Count);
    }

    [Fact]
    public void APaperWithAGiantWordIsIndexedAndFoundByItsOtherWordsAndByPrefix()
    {
        using var search = new SearchFixture();
        var blob = "qz" + new string('x', 40_000);

        search.Save(Papers.Make(1, "Diffusion", $"a feed put {blob} in here", authors: [blob]));

        Assert.Equal(["2501.00001"], search.Ids("diffusion"));
        Assert.Equal(["2501.00001"], search.Ids("qzxx*"));
        Assert.Equal(["2501.00001"], search.Ids("au:qzx*"));
    }

    private static void WriteOldVersionIndex(string path)
    {
        using var directory = FSDirectory.Open(path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new PaperAnalyzer()) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string> { ["paperbot.schema"] = "0" });
        writer.Commit();
    }
}
