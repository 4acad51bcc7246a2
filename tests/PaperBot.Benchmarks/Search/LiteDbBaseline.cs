using System.Diagnostics;
using LiteDB;
using Query = LiteDB.Query;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;

namespace PaperBot.Benchmarks.Search;

/// <summary>
/// What search costs without an index, on a sample stored in LiteDB: a <c>Query.Contains</c> scan of title and
/// abstract (substring, so not even the language's meaning), and reading every paper back to evaluate the query with
/// <see cref="QueryEvaluator"/> (the language's meaning). Also LiteDB's own latest-by-date-index and trending.
/// </summary>
internal sealed class LiteDbBaseline : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"paperbot-search-bench-{Guid.NewGuid():N}.db");
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _papers;

    public LiteDbBaseline(IReadOnlyList<Paper> sample)
    {
        _db = new LiteDatabase($"Filename={_path};Connection=direct");
        _papers = _db.GetCollection("papers");
        _papers.InsertBulk(sample.Select(ToBson), batchSize: 5000);
        _papers.EnsureIndex("Date");
        Count = sample.Count;
    }

    public int Count { get; }

    /// <summary>Milliseconds for one unfielded word by substring scan.</summary>
    public double ContainsScanMs(string word) => Time(() => _papers.Count(Query.Or(Query.Contains("Title", word), Query.Contains("Abstract", word))));

    /// <summary>Milliseconds to read every paper back and evaluate the query on it.</summary>
    public double EvaluateAllMs(SearchRequest request)
    {
        var query = QueryParser.Parse(request.Text).Query!;
        return Time(() => _papers.FindAll().Select(FromBson).Count(p => QueryEvaluator.IsMatch(query, AnalyzedPaper.From(p))));
    }

    public double LatestMs(int count) => Time(() => _papers.Find(Query.All("Date", Query.Descending), limit: count).ToList().Count);

    public double TrendingMs(DateTime since, int count) => Time(() => _papers.Find(Query.GTE("Date", since)).Where(d => d["Upvotes"].AsInt32 > 0)
        .OrderByDescending(d => d["Upvotes"].AsInt32).Take(count).Count());

    public long FileBytes => new FileInfo(_path).Length;

    public void Dispose()
    {
        _db.Dispose();
        File.Delete(_path);
    }

    private static double Time(Func<int> run)
    {
        var start = Stopwatch.GetTimestamp();
        GC.KeepAlive(run());
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static BsonDocument ToBson(Paper p) => new()
    {
        ["_id"] = p.Id.Value,
        ["Title"] = p.Title,
        ["Abstract"] = p.Abstract,
        ["Authors"] = new BsonArray(p.Authors.Select(a => new BsonValue(a))),
        ["Categories"] = new BsonArray(p.Categories.Select(c => new BsonValue(c))),
        ["Sources"] = new BsonArray(p.Sources.Select(s => new BsonValue(s.Source))),
        ["Date"] = (p.PublishedAt ?? p.FirstSeenAt).UtcDateTime,
        ["Upvotes"] = p.Upvotes ?? 0,
    };

    private static Paper FromBson(BsonDocument d) => new()
    {
        Id = PaperId.Parse(d["_id"].AsString),
        Title = d["Title"].AsString,
        Abstract = d["Abstract"].AsString,
        Authors = [.. d["Authors"].AsArray.Select(a => a.AsString)],
        Categories = [.. d["Categories"].AsArray.Select(c => c.AsString)],
        Sources = [.. d["Sources"].AsArray.Select(s => new Provenance(s.AsString, DateTimeOffset.UnixEpoch))],
        PublishedAt = new DateTimeOffset(d["Date"].AsDateTime.ToUniversalTime()),
        Upvotes = d["Upvotes"].AsInt32,
    };
}
