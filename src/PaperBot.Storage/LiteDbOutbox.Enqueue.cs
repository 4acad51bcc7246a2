using LiteDB;
using PaperBot.Core.Delivery;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;
using MatchHit = PaperBot.Core.Queries.MatchHit;

namespace PaperBot.Storage;

public sealed partial class LiteDbOutbox
{
    /// <summary>One bulk pass: the matches grouped by subscription, their subscriptions and digest cursors read in one
    /// query each, and one run document per subscription built straight from the matches and inserted at once.</summary>
    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        if (matches.Count == 0) return 0;
        var now = time.GetUtcNow();
        return WriteTransaction.Run(context, $"{matches.Count} matches", () =>
        {
            var bySubscription = new Dictionary<string, RunDraft>(StringComparer.Ordinal);
            foreach (var m in matches)
            {
                if (!bySubscription.TryGetValue(m.SubscriptionId, out var draft)) bySubscription[m.SubscriptionId] = draft = new RunDraft();
                draft.Add(m);
            }
            var subscriptions = Lookup(context.Subscriptions, bySubscription.Keys);
            var seen = SeenBefore(matches);
            var digests = subscriptions.Values.Where(d => d["Mode"].AsString != nameof(DeliveryMode.Instant)).Select(d => d["_id"].AsString).ToList();
            var cursors = Lookup(context.DigestCursors, digests);
            var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

            var runs = new List<BsonDocument>(bySubscription.Count);
            var added = 0;
            var fresh = new List<RunEntry>();
            foreach (var (subscriptionId, draft) in bySubscription)
            {
                if (!subscriptions.TryGetValue(subscriptionId, out var doc)) continue; // removed meanwhile: nobody to deliver to
                var target = doc["Target"].AsString;
                fresh.Clear();
                foreach (var entry in draft.Entries)
                {
                    // Only a paper that met the outbox before can be queued or delivered already.
                    if (!seen.Contains(entry.Paper) || !AlreadyQueued(known, target, subscriptionId, entry.Paper)) fresh.Add(entry);
                }
                if (fresh.Count == 0) continue;
                runs.Add(OutboxRun.NewDocument(subscriptionId, target, now, Slot(doc, cursors), fresh));
                added += fresh.Count;
            }
            if (runs.Count > 0) context.Outbox.InsertBulk(runs);
            OutboxCounts.Apply(context.OutboxCounts, new Tally(added, 0, 0));
            return added;
        });
    }

    /// <summary>A digest subscription's next slot after its last digest (or its creation); null for instant ones.</summary>
    private static DateTimeOffset? Slot(BsonDocument subscription, Dictionary<string, BsonDocument> cursors)
    {
        if (subscription["Mode"].AsString == nameof(DeliveryMode.Instant)) return null;
        var s = SubscriptionMapping.ToSubscription(subscription);
        return DigestSchedule.NextDue(s, cursors.TryGetValue(s.Id, out var cursor) ? Date(cursor["LastDigestAt"]) : s.CreatedAt);
    }

    /// <summary>Papers of this batch that met the outbox before (a re-match after a crash); the rest are marked now.</summary>
    private HashSet<PaperId> SeenBefore(IReadOnlyList<PaperMatch> matches)
    {
        var seen = new HashSet<PaperId>();
        var fresh = new List<BsonDocument>();
        var at = Date(time.GetUtcNow());
        foreach (var paper in matches.Select(m => m.PaperId).Distinct())
        {
            if (context.OutboxPapers.FindById(paper.Value) is not null) seen.Add(paper);
            else fresh.Add(new BsonDocument { ["_id"] = paper.Value, ["At"] = at });
        }
        if (fresh.Count > 0) context.OutboxPapers.InsertBulk(fresh);
        return seen;
    }

    private bool AlreadyQueued(Dictionary<string, HashSet<string>> known, string target, string subscriptionId, PaperId paper)
    {
        if (!known.TryGetValue(target, out var ids))
            known[target] = ids = Runs(target).SelectMany(r => r.Items).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return ids.Contains(OutboxItem.KeyOf(subscriptionId, paper))
            || context.Delivered.FindById(OutboxItem.DeliveredKeyOf(target, paper)) is not null;
    }

    /// <summary>One subscription's matches of a batch, one entry per paper: the same match twice is one entry with
    /// every reason and the best score.</summary>
    private sealed class RunDraft
    {
        // Most subscriptions match a few papers a batch; a broad one may match thousands, looked up by position.
        private const int ScanUpTo = 16;
        private Dictionary<PaperId, int>? _positions;

        public List<RunEntry> Entries { get; } = new(2);

        public void Add(PaperMatch m)
        {
            var at = Find(m.PaperId);
            if (at < 0)
            {
                _positions?.Add(m.PaperId, Entries.Count);
                Entries.Add(new RunEntry(m.PaperId, Distinct(m.Why), m.Score));
                if (_positions is null && Entries.Count > ScanUpTo)
                {
                    _positions = [];
                    for (var k = 0; k < Entries.Count; k++) _positions[Entries[k].Paper] = k;
                }
                return;
            }
            var merged = Entries[at].Why.ToList();
            foreach (var h in m.Why)
                if (!merged.Contains(h)) merged.Add(h);
            Entries[at] = new RunEntry(m.PaperId, merged, Math.Max(Entries[at].Score, m.Score));
        }

        private int Find(PaperId paper)
        {
            if (_positions is not null) return _positions.TryGetValue(paper, out var at) ? at : -1;
            for (var k = 0; k < Entries.Count; k++)
                if (Entries[k].Paper == paper) return k;
            return -1;
        }

        private static IReadOnlyList<MatchHit> Distinct(IReadOnlyList<MatchHit> why)
        {
            for (var a = 1; a < why.Count; a++)
            {
                for (var b = 0; b < a; b++)
                    if (why[a].Equals(why[b])) return [.. why.Distinct()];
            }
            return why;
        }
    }
}
