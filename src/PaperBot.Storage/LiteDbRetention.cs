using LiteDB;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>
/// Prunes under the write gate, so no batch stores or queues alerts for a paper while it is judged unreferenced. The
/// delivered ledger keeps its (target, paper) rows: they are what stops a repeat alert, together with the tombstone.
/// </summary>
public sealed class LiteDbRetention(LiteDbContext context, TimeProvider time) : IPaperRetention
{
    private const int DeletesPerTransaction = 1_000;

    public IReadOnlyList<PaperId> Prune(DateTimeOffset storedBefore)
    {
        lock (context.WriteGate)
        {
            // A run leaves once all its items were delivered; one partly delivered still holds its sent items.
            var shared = new RunReadCache();
            var referenced = context.Outbox.FindAll().Select(d => OutboxRun.FromDocument(d, shared)).SelectMany(r => r.Items)
                .Where(i => i.Status != OutboxStatus.Sent).Select(i => i.PaperId.Value)
                .Concat(context.PendingAlerts.FindAll().Select(d => d["_id"].AsString))
                .ToHashSet(StringComparer.Ordinal);
            var doomed = context.Papers.Find(Query.LT("FirstSeenAt", Date(storedBefore)))
                .Select(d => d["_id"].AsString)
                .Where(id => !referenced.Contains(id))
                .ToList();
            var now = Date(time.GetUtcNow());
            foreach (var chunk in doomed.Chunk(DeletesPerTransaction))
            {
                WriteTransaction.Run(context, $"pruning {chunk.Length} papers", () =>
                {
                    foreach (var id in chunk) context.Papers.Delete(id);
                    context.Tombstones.Upsert(chunk.Select(id => new BsonDocument { ["_id"] = id, ["DeletedAt"] = now }));
                });
            }
            return [.. doomed.Select(PaperId.Parse)];
        }
    }

    public bool IsTombstoned(PaperId id) => context.Tombstones.FindById(id.Value) is not null;
}
