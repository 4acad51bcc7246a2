using System.Security.Cryptography;
using System.Text;
using PaperBot.Core.Storage;
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
    public IReadOnlyList<PlannedBatch> Plan(OutboxSnapshot snapshot, IReadOnlyDictionary<string, Subscription> subscriptions,
        DateTimeOffset now, bool digestsDueNow = false)
    {
        var batches = new List<PlannedBatch>();
        var byTarget = snapshot.Open.GroupBy(i => i.Target);
        var digestsByTarget = subscriptions.Values
            .Where(s => s.Mode != DeliveryMode.Instant && s.IsActive)
            .GroupBy(s => s.Subscriber.TargetKey)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
        var seen = new HashSet<string>();
        foreach (var items in byTarget)
        {
            seen.Add(items.Key);
            PlanTarget(items.Key, items.ToList(), digestsByTarget.GetValueOrDefault(items.Key) ?? [], subscriptions, snapshot, now, digestsDueNow, batches);
        }
        // Due digests of targets with nothing open: empty digests (sent or skipped per configuration).
        foreach (var (target, digests) in digestsByTarget)
        {
            if (!seen.Contains(target)) PlanTarget(target, [], digests, subscriptions, snapshot, now, digestsDueNow, batches);
        }
        return batches;
    }

    private void PlanTarget(string target, List<OutboxItem> items, List<Subscription> digests, IReadOnlyDictionary<string, Subscription> subscriptions,
        OutboxSnapshot snapshot, DateTimeOffset now, bool digestsDueNow, List<PlannedBatch> batches)
    {
        // Claimed batches keep their composition, so a retry carries the same idempotency key.
        if (items.Any(i => i.Status == OutboxStatus.Sending)) return; // still under its lease: in flight
        var claims = items.Where(i => i.Batch is not null).GroupBy(i => i.Batch!.Id).ToList();
        // A claim whose subscription was removed or paused meanwhile dissolves: its items are planned afresh.
        var claimed = claims.Where(g => subscriptions.TryGetValue(g.First().Batch!.SubscriptionId, out var s) && s.IsActive).ToList();
        var dissolved = claims.Except(claimed).SelectMany(g => g).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        if (claimed.Any(g => g.Max(i => i.NextAttemptAt) > now)) return; // a failing target waits for its retry time, keeping order
        var busyDigests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in claimed.OrderBy(g => g.Min(i => i.CreatedAt)))
        {
            var batch = group.First().Batch!;
            busyDigests.Add(batch.SubscriptionId);
            var entries = Entries(group);
            batches.Add(Compose(batch, target, entries, group.Max(i => i.Attempts)));
        }

        var claimedPapers = claimed.SelectMany(g => g).Select(i => i.PaperId).ToHashSet();
        var fresh = items
            .Where(i => (i.Batch is null || dissolved.Contains(i.Id)) && i.NextAttemptAt <= now && !claimedPapers.Contains(i.PaperId)
                        && subscriptions.TryGetValue(i.SubscriptionId, out var s) && s.IsActive)
            .GroupBy(i => i.PaperId)
            .ToList();

        var instant = fresh
            .Where(g => g.Any(i => subscriptions[i.SubscriptionId].Mode == DeliveryMode.Instant))
            .Select(g => (Entry: Entry(g), Sub: g.Select(i => i.SubscriptionId).Where(id => subscriptions[id].Mode == DeliveryMode.Instant).Order(StringComparer.Ordinal).First()))
            .OrderBy(x => x.Entry.CreatedAt).ThenBy(x => x.Entry.PaperId.Value, StringComparer.Ordinal)
            .ToList();
        // Arrival order across the target's instant subscriptions; the batch is presented as its first paper's subscription's.
        foreach (var chunk in instant.Chunk(maxItemsPerBatch))
        {
            var shown = chunk.Select(x => x.Entry).ToList();
            batches.Add(new PlannedBatch(new BatchRef(BatchId(target, shown, ""), chunk[0].Sub, BatchKind.Alert), target, shown, [], 0));
        }

        var taken = instant.Select(x => x.Entry.PaperId).ToHashSet();
        foreach (var digest in digests)
        {
            var last = snapshot.LastDigestAt.TryGetValue(digest.Id, out var at) ? at : (DateTimeOffset?)null;
            if (busyDigests.Contains(digest.Id) || !(digestsDueNow || DigestSchedule.IsDue(digest, last, now))) continue;
            var entries = fresh
                .Where(g => !taken.Contains(g.Key) && g.Any(i => i.SubscriptionId == digest.Id))
                .Select(Entry)
                .ToList();
            taken.UnionWith(entries.Select(e => e.PaperId));
            var ordered = BestFirst(entries);
            // The period (last digest) is part of the id, so two empty digests are two messages.
            var id = BatchId(target, ordered, $"{digest.Id}@{last?.UtcTicks}");
            batches.Add(Compose(new BatchRef(id, digest.Id, BatchKind.Digest), target, ordered, 0));
        }
    }

    private PlannedBatch Compose(BatchRef batch, string target, List<PlannedEntry> entries, int attempts)
    {
        if (batch.Kind == BatchKind.Alert)
            return new PlannedBatch(batch, target, entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.PaperId.Value, StringComparer.Ordinal).ToList(), [], attempts);
        var ordered = BestFirst(entries);
        return new PlannedBatch(batch, target, ordered.Take(maxItemsPerBatch).ToList(), ordered.Skip(maxItemsPerBatch).ToList(), attempts);
    }

    private static List<PlannedEntry> Entries(IEnumerable<OutboxItem> items) => items.GroupBy(i => i.PaperId).Select(Entry).ToList();

    private static PlannedEntry Entry(IGrouping<Papers.PaperId, OutboxItem> g) => new(
        g.Key,
        g.Select(i => i.Id).Order(StringComparer.Ordinal).ToList(),
        g.OrderBy(i => i.SubscriptionId, StringComparer.Ordinal).SelectMany(i => i.Why).Distinct().ToList(),
        g.Max(i => i.Score),
        g.Min(i => i.CreatedAt));

    private static List<PlannedEntry> BestFirst(IEnumerable<PlannedEntry> entries) => entries
        .OrderByDescending(e => e.Score).ThenByDescending(e => e.CreatedAt).ThenBy(e => e.PaperId.Value, StringComparer.Ordinal)
        .ToList();

    /// <summary>Derived from the target and the papers, so the same plan gets the same id (and nonce, Message-ID seed).</summary>
    private static string BatchId(string target, IEnumerable<PlannedEntry> entries, string scope)
    {
        var key = new StringBuilder(target).Append('|').Append(scope);
        foreach (var e in entries) key.Append('|').Append(e.PaperId.Value);
        return "b-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())).AsSpan(0, 10));
    }
}
