using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>
/// Decides, from the open outbox items, what to send now — pure, so every rule is testable without a database.
/// Per target: a batch claimed earlier goes first and unchanged (or the target waits for its retry time); then new
/// instant papers in arrival order, in chunks; then each due digest with its papers best first, capped. A paper
/// matched by several subscriptions of one target is planned once, with all reasons.
/// </summary>
public sealed class DispatchPlanner(int maxItemsPerBatch)
{
    public int MaxItemsPerBatch => maxItemsPerBatch;

    public IReadOnlyList<PlannedBatch> Plan(OutboxSnapshot snapshot, IReadOnlyDictionary<string, Subscription> subscriptions,
        DateTimeOffset now, bool digestsDueNow = false) =>
        [.. PlanByTarget(snapshot, subscriptions, now, digestsDueNow).SelectMany(batches => batches)];

    /// <summary>The plan one target at a time, as dispatch sends it: each target's items are built, planned and
    /// dropped before the next, so a pass holds one target's items, not the whole day's.</summary>
    public IEnumerable<IReadOnlyList<PlannedBatch>> PlanByTarget(OutboxSnapshot snapshot, IReadOnlyDictionary<string, Subscription> subscriptions,
        DateTimeOffset now, bool digestsDueNow = false)
    {
        // Due digests only: a digest that is not due neither sends nor takes papers from another.
        var dueDigests = new Dictionary<string, List<(Subscription Sub, DateTimeOffset? Last)>>(StringComparer.Ordinal);
        foreach (var s in subscriptions.Values)
        {
            if (s.Mode == DeliveryMode.Instant || !s.IsActive) continue;
            DateTimeOffset? last = snapshot.LastDigestAt.TryGetValue(s.Id, out var at) ? at : null;
            if (!digestsDueNow && !DigestSchedule.IsDue(s, last, now)) continue;
            var target = s.Subscriber.TargetKey;
            if (!dueDigests.TryGetValue(target, out var list)) dueDigests[target] = list = [];
            list.Add((s, last));
        }

        var planned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var open in snapshot.Targets)
        {
            planned.Add(open.Target);
            var batches = new List<PlannedBatch>();
            new TargetPlan(this, open.Target, subscriptions, now, batches).Plan(open.Items(), dueDigests.GetValueOrDefault(open.Target));
            if (batches.Count > 0) yield return batches;
        }
        // Due digests of targets with nothing open: empty digests (sent or skipped per configuration).
        foreach (var (target, digests) in dueDigests)
        {
            if (planned.Contains(target)) continue;
            var batches = new List<PlannedBatch>();
            new TargetPlan(this, target, subscriptions, now, batches).Plan([], digests);
            yield return batches;
        }
    }

    private sealed class TargetPlan(DispatchPlanner planner, string target, IReadOnlyDictionary<string, Subscription> subscriptions,
        DateTimeOffset now, List<PlannedBatch> batches)
    {
        public void Plan(IReadOnlyList<OutboxItem> items, List<(Subscription Sub, DateTimeOffset? Last)>? digests)
        {
            var hasClaims = false;
            foreach (var i in items)
            {
                if (i.Status == OutboxStatus.Sending) return; // still under its lease: in flight, keep order
                hasClaims |= i.Batch is not null;
            }
            var claims = hasClaims ? Claims(items) : null;
            if (claims is { Blocked: true }) return; // a failing target waits for its retry time, keeping order

            // Fresh items of active subscriptions, sorted so each paper's items are one run.
            var fresh = new List<OutboxItem>(items.Count);
            foreach (var i in items)
            {
                if (i.Batch is not null && claims?.Dissolved.Contains(i.Id) != true) continue;
                if (i.NextAttemptAt > now || claims?.Papers.Contains(i.PaperId) == true) continue;
                if (subscriptions.TryGetValue(i.SubscriptionId, out var s) && s.IsActive) fresh.Add(i);
            }
            var sorted = fresh.ToArray();
            Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.PaperId.Value, b.PaperId.Value));

            var instant = new List<(PlannedEntry Entry, string Sub)>();
            var waiting = new List<ArraySegment<OutboxItem>>();
            for (int start = 0, end; start < sorted.Length; start = end)
            {
                for (end = start + 1; end < sorted.Length && sorted[end].PaperId == sorted[start].PaperId; end++) { }
                var paper = new ArraySegment<OutboxItem>(sorted, start, end - start);
                if (InstantSubscription(paper) is { } sub) instant.Add((Entry(paper), sub));
                else waiting.Add(paper);
            }
            // Arrival order across the target's instant subscriptions; a batch is presented as its first paper's subscription's.
            instant.Sort((a, b) => ArrivalOrder(a.Entry, b.Entry));
            foreach (var chunk in instant.Chunk(planner.MaxItemsPerBatch))
            {
                var shown = chunk.Select(x => x.Entry).ToList();
                batches.Add(new PlannedBatch(new BatchRef(BatchId(target, shown, ""), chunk[0].Sub, BatchKind.Alert), target, shown, [], 0));
            }

            digests?.Sort(static (a, b) => a.Sub.CreatedAt != b.Sub.CreatedAt ? a.Sub.CreatedAt.CompareTo(b.Sub.CreatedAt) : string.CompareOrdinal(a.Sub.Id, b.Sub.Id));
            foreach (var (digest, last) in digests ?? [])
            {
                if (claims?.BusyDigests.Contains(digest.Id) == true) continue;
                var entries = new List<PlannedEntry>();
                for (var k = waiting.Count - 1; k >= 0; k--)
                {
                    if (!Matches(waiting[k], digest.Id)) continue;
                    entries.Add(Entry(waiting[k]));
                    waiting.RemoveAt(k);
                }
                // The period (last digest) is part of the id, so two empty digests are two messages.
                var id = BatchId(target, BestFirst(entries), $"{digest.Id}@{last?.UtcTicks}");
                batches.Add(planner.Compose(new BatchRef(id, digest.Id, BatchKind.Digest), target, entries, 0));
            }
        }

        private static bool Matches(ArraySegment<OutboxItem> items, string subscriptionId)
        {
            foreach (var i in items)
            {
                if (i.SubscriptionId == subscriptionId) return true;
            }
            return false;
        }

        private string? InstantSubscription(ArraySegment<OutboxItem> items)
        {
            string? first = null;
            foreach (var i in items)
            {
                if (subscriptions[i.SubscriptionId].Mode == DeliveryMode.Instant && (first is null || string.CompareOrdinal(i.SubscriptionId, first) < 0))
                    first = i.SubscriptionId;
            }
            return first;
        }

        /// <summary>Claimed batches keep their composition, so a retry carries the same idempotency key; a claim whose
        /// subscription was removed or paused meanwhile dissolves and its items are planned afresh.</summary>
        private Claims Claims(IReadOnlyList<OutboxItem> items)
        {
            var groups = items.Where(i => i.Batch is not null).GroupBy(i => i.Batch!.Id).ToList();
            var live = groups.Where(g => subscriptions.TryGetValue(g.First().Batch!.SubscriptionId, out var s) && s.IsActive).ToList();
            var result = new Claims(
                groups.Except(live).SelectMany(g => g).Select(i => i.Id).ToHashSet(StringComparer.Ordinal),
                live.SelectMany(g => g).Select(i => i.PaperId).ToHashSet(),
                live.Select(g => g.First().Batch!.SubscriptionId).ToHashSet(StringComparer.Ordinal),
                live.Any(g => g.Max(i => i.NextAttemptAt) > now));
            if (result.Blocked) return result;
            foreach (var group in live.OrderBy(g => g.Min(i => i.CreatedAt)))
                batches.Add(planner.Compose(group.First().Batch!, target, group.GroupBy(i => i.PaperId).Select(g => Entry(g.ToArray())).ToList(), group.Max(i => i.Attempts)));
            return result;
        }
    }

    private sealed record Claims(HashSet<string> Dissolved, HashSet<PaperId> Papers, HashSet<string> BusyDigests, bool Blocked);

    private PlannedBatch Compose(BatchRef batch, string target, List<PlannedEntry> entries, int attempts)
    {
        if (batch.Kind == BatchKind.Alert)
        {
            entries.Sort(ArrivalOrder);
            return new PlannedBatch(batch, target, entries, [], attempts);
        }
        var ordered = BestFirst(entries);
        return ordered.Count <= maxItemsPerBatch
            ? new PlannedBatch(batch, target, ordered, [], attempts)
            : new PlannedBatch(batch, target, ordered[..maxItemsPerBatch], ordered[maxItemsPerBatch..], attempts);
    }

    private static PlannedEntry Entry(ArraySegment<OutboxItem> items)
    {
        if (items.Count == 1)
        {
            var only = items[0];
            return new PlannedEntry(only.PaperId, [only], only.Why, only.Score, only.CreatedAt);
        }
        return new PlannedEntry(
            items[0].PaperId,
            items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList(),
            items.OrderBy(i => i.SubscriptionId, StringComparer.Ordinal).SelectMany(i => i.Why).Distinct().ToList(),
            items.Max(i => i.Score),
            items.Min(i => i.CreatedAt));
    }

    private static int ArrivalOrder(PlannedEntry a, PlannedEntry b)
    {
        var c = a.CreatedAt.CompareTo(b.CreatedAt);
        return c != 0 ? c : string.CompareOrdinal(a.PaperId.Value, b.PaperId.Value);
    }

    private static List<PlannedEntry> BestFirst(List<PlannedEntry> entries)
    {
        entries.Sort(static (a, b) =>
        {
            var c = b.Score.CompareTo(a.Score);
            if (c == 0) c = b.CreatedAt.CompareTo(a.CreatedAt);
            return c != 0 ? c : string.CompareOrdinal(a.PaperId.Value, b.PaperId.Value);
        });
        return entries;
    }

    /// <summary>Derived from the target and the papers, so the same plan gets the same id (and nonce, Message-ID seed):
    /// SHA-256 of the pieces, each followed by '|'. One-shot over a reused buffer: a pass computes one per batch (about
    /// a million when a day's digests fall due at once), and a hash object each dominated planning.</summary>
    private static string BatchId(string target, List<PlannedEntry> entries, string scope)
    {
        var buffer = KeyBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        Append(buffer, target);
        Append(buffer, scope);
        foreach (var e in entries) Append(buffer, e.PaperId.Value);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return "b-" + Convert.ToHexStringLower(digest[..10]);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? KeyBuffer;

    private static void Append(ArrayBufferWriter<byte> buffer, string piece)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(piece.Length) + 1);
        var n = Encoding.UTF8.GetBytes(piece, span);
        span[n] = (byte)'|';
        buffer.Advance(n + 1);
    }
}
