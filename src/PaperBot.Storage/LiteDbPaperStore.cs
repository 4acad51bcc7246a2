using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage.Mapping;

namespace PaperBot.Storage;

public sealed class LiteDbPaperStore(LiteDbContext context, TimeProvider time) : IPaperStore
{
    public StoreResult Save(IReadOnlyList<Paper> papers, string source, IReadOnlySet<PaperId>? alertFor = null)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var now = time.GetUtcNow();
        // Duplicates inside one batch (the same paper on two pages) merge before they meet the store.
        var batch = new Dictionary<PaperId, Paper>();
        foreach (var p in papers)
            batch[p.Id] = batch.TryGetValue(p.Id, out var earlier) ? PaperMerger.Merge(earlier, p, source, now).Paper : p;

        lock (context.WriteGate)
        {
            var collection = context.Papers;
            var results = new List<MergeResult>(batch.Count);
            var inserts = new List<BsonDocument>();
            var updates = new List<BsonDocument>();
            foreach (var (id, incoming) in batch)
            {
                var storedDoc = collection.FindById(id.Value);
                // Pruned by retention: brought again, it is not new, and stays out of the store.
                if (storedDoc is null && context.Tombstones.FindById(id.Value) is not null)
                {
                    results.Add(new MergeResult(incoming, PaperChange.Unchanged, []));
                    continue;
                }
                var stored = storedDoc is null ? null : PaperMapping.ToPaper(storedDoc);
                var result = PaperMerger.Merge(stored, incoming, source, now);
                results.Add(result);
                if (result.Change == PaperChange.New) inserts.Add(PaperMapping.ToDocument(result.Paper));
                else if (result.Change == PaperChange.Updated) updates.Add(PaperMapping.ToDocument(result.Paper));
            }
            var pending = alertFor is null ? [] : results
                .Where(r => r.Change == PaperChange.New && alertFor.Contains(r.Paper.Id))
                .Select(r => new BsonDocument { ["_id"] = r.Paper.Id.Value })
                .ToList();
            Write(collection, inserts, updates, pending);
            return new StoreResult(results);
        }
    }

    // One short transaction per batch (see WriteTransaction), already inside the write gate.
    private void Write(ILiteCollection<BsonDocument> collection, List<BsonDocument> inserts, List<BsonDocument> updates, List<BsonDocument> pending)
    {
        if (inserts.Count == 0 && updates.Count == 0) return;
        WriteTransaction.Run(context, $"a batch of {inserts.Count + updates.Count} papers", () =>
        {
            if (inserts.Count > 0) collection.InsertBulk(inserts);
            if (updates.Count > 0) collection.Update(updates);
            if (pending.Count > 0) context.PendingAlerts.InsertBulk(pending);
        });
    }

    public IReadOnlyList<Paper> PendingAlerts() =>
        context.PendingAlerts.FindAll().Select(d => Find(PaperId.Parse(d["_id"].AsString))).OfType<Paper>().ToList();

    // One transaction for the batch, not a commit per paper: a crash before it leaves every mark, and the papers are
    // matched again (the outbox drops repeats).
    public void ClearPendingAlerts(IEnumerable<PaperId> ids) =>
        WriteTransaction.Run(context, "cleared alert marks", () =>
        {
            foreach (var id in ids) context.PendingAlerts.Delete(id.Value);
        });

    public Paper? Find(PaperId id)
    {
        var doc = context.Papers.FindById(id.Value);
        return doc is null ? null : PaperMapping.ToPaper(doc);
    }

    public IReadOnlyDictionary<PaperId, Paper> FindMany(IReadOnlyCollection<PaperId> ids) =>
        context.Papers.Find(Query.In("_id", new BsonArray(ids.Select(i => new BsonValue(i.Value)))))
            .Select(PaperMapping.ToPaper).ToDictionary(p => p.Id);

    public IReadOnlyList<Paper> Latest(int count, string? source = null)
    {
        var query = context.Papers.Query();
        if (source is not null) query = query.Where("$.Sources[*].Source ANY = @0", source);
        return query.OrderByDescending("$.SortDate").Limit(count).ToEnumerable().Select(PaperMapping.ToPaper).ToList();
    }

    public IEnumerable<Paper> Stream(DateTimeOffset? since = null)
    {
        // First stored, or changed, since then: two index range reads (a never-changed paper has no ChangedAt).
        var docs = since is { } s
            ? context.Papers.Find(Query.Or(Query.GTE("FirstSeenAt", PaperMapping.Date(s)), Query.GTE("ChangedAt", PaperMapping.Date(s))))
            : context.Papers.FindAll();
        return docs.Select(PaperMapping.ToPaper);
    }

    public int Count() => context.Papers.Count();
}
