using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PaperBot.Core.Papers;
using PaperBot.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PaperBot.Search.Indexing;

/// <summary>
/// The Lucene index on disk: one writer (Lucene's lock keeps other processes out), near-real-time searchers refreshed
/// after each commit, and the <see cref="IndexCheckpoint"/> in every commit. Opening never fails on a damaged or
/// outdated index: it starts empty instead and says so in <see cref="OpenState"/>, and the indexer rebuilds it from the store.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private IndexWriter _writer;
    private SearcherManager _searchers;

    private SearchIndex(string path, LuceneDirectory directory, IndexOpenState state, IndexCheckpoint checkpoint)
    {
        Path = path;
        _directory = directory;
        OpenState = state;
        Checkpoint = checkpoint;
        NeedsRebuild = state != IndexOpenState.Current;
        (_writer, _searchers) = OpenWriter(directory, state == IndexOpenState.Current ? OpenMode.APPEND : OpenMode.CREATE);
    }

    public string Path { get; }

    public IndexOpenState OpenState { get; }

    internal IndexCheckpoint Checkpoint { get; private set; }

    /// <summary>True from opening a missing, damaged or outdated index until a rebuild commits.</summary>
    internal bool NeedsRebuild { get; private set; }

    /// <summary>Papers in the last commit.</summary>
    public int Count => Read(searcher => searcher.IndexReader.NumDocs);

    /// <summary>The index folder beside a LiteDB file: <c>data/paperbot.db</c> → <c>data/paperbot.db.search</c>.</summary>
    public static string PathFor(string databasePath) => databasePath + ".search";

    public static SearchIndex Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var (state, checkpoint) = Probe(path);
        if (state == IndexOpenState.Corrupt) DeleteFiles(path);
        return new SearchIndex(path, FSDirectory.Open(path), state, state == IndexOpenState.Current ? checkpoint : IndexCheckpoint.Empty);
    }

    internal void Upsert(Paper paper) => _writer.UpdateDocument(PaperDocument.IdTerm(paper.Id), PaperDocument.Create(paper));

    /// <summary>For a rebuild after <see cref="Clear"/>: no id lookup needed.</summary>
    internal void Add(Paper paper) => _writer.AddDocument(PaperDocument.Create(paper));

    internal void Clear() => _writer.DeleteAll();

    internal void Delete(PaperId id) => _writer.DeleteDocuments(PaperDocument.IdTerm(id));

    internal bool Contains(PaperId id) => Read(searcher => searcher.IndexReader.DocFreq(PaperDocument.IdTerm(id)) > 0);

    /// <summary>Makes everything written so far durable and visible to searches, with its checkpoint.</summary>
    internal void Commit(IndexCheckpoint checkpoint, bool rebuilt = false)
    {
        _writer.SetCommitData(checkpoint.ToUserData());
        _writer.Commit();
        Checkpoint = checkpoint;
        NeedsRebuild &= !rebuilt;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Drops everything written since the last commit (an interrupted rebuild) and carries on from that commit.</summary>
    internal void DiscardUncommitted()
    {
        var old = _searchers;
        _writer.Rollback();
        var hasCommit = DirectoryReader.IndexExists(_directory);
        (_writer, _searchers) = OpenWriter(_directory, hasCommit ? OpenMode.APPEND : OpenMode.CREATE);
        Checkpoint = hasCommit ? IndexCheckpoint.FromUserData(_writer.CommitData) : IndexCheckpoint.Empty;
        old.Dispose();
    }

    internal T Read<T>(Func<IndexSearcher, T> read)
    {
        var searchers = _searchers;
        var searcher = searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private static (IndexWriter, SearcherManager) OpenWriter(LuceneDirectory directory, OpenMode mode)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new PaperAnalyzer())
        {
            OpenMode = mode,
            Similarity = new BM25Similarity(),
            // Only a rebuild fills this buffer (a day's batch takes a few MB): at 1M papers it then writes about eight
            // segments of similar size and merges none, and a query's segments split evenly over the cores.
            RAMBufferSizeMB = 256,
            // Flushed segments stay as separate files instead of being copied once more into one compound file.
            UseCompoundFile = false,
        };
        var writer = new IndexWriter(directory, config);
        return (writer, new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory()));
    }

    // Reads the last commit without taking the write lock: its version, and whether its segments open at all.
    private static (IndexOpenState, IndexCheckpoint) Probe(string path)
    {
        using var directory = FSDirectory.Open(path);
        try
        {
            if (!DirectoryReader.IndexExists(directory)) return (IndexOpenState.Missing, IndexCheckpoint.Empty);
            using var reader = DirectoryReader.Open(directory);
            var checkpoint = IndexCheckpoint.FromUserData(reader.IndexCommit.UserData);
            return checkpoint.SchemaVersion == PaperFields.SchemaVersion
                ? (IndexOpenState.Current, checkpoint)
                : (IndexOpenState.OldVersion, IndexCheckpoint.Empty);
        }
        catch (Exception e) when (e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
                                  or IOException and not LockObtainFailedException)
        {
            return (IndexOpenState.Corrupt, IndexCheckpoint.Empty);
        }
    }

    private static void DeleteFiles(string path)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(path)) File.Delete(file);
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new Querying.LeafSearcher(reader) { Similarity = new BM25Similarity() };
    }
}
