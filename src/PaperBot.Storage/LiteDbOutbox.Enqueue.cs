using System.Runtime.InteropServices;
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
    /// <summary>One bulk pass: the matches grouped by subscription, their routes (kept in memory) and digest cursors read,
    /// and one run document per subscription built from the matches as the insert takes it. A day at a million
    /// subscriptions is ~9M matches in ~600k runs: nothing is held per subscription but a position, and each document
    /// lives only until it is written, so the collector never has to trace the day's runs. The documents are built on a
    /// second thread while LiteDB inserts on this one (its transaction is bound to it): building is a fifth of the work.</summary>
    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        if (matches.Count == 0) return 0;
        var now = time.GetUtcNow();
        return WriteTransaction.Run(context, $"{matches.Count} matches", () =>
        {
            var groups = MatchGroups.Of(matches);
            var routes = Routes(groups.SubscriptionIds);
            var seen = SeenBefore(matches);
            var digests = routes.Where(r => r.Value.Mode != DeliveryMode.Instant).Select(r => r.Key).ToList();
            var cursors = Lookup(context.DigestCursors, digests);
            var repeats = seen.Count == 0 ? [] : Repeats(matches, groups, routes, seen);
            var ids = RunIds.Open(context.Settings);
            var added = 0;

            IEnumerable<BsonDocument> Runs()
            {
                var entries = new RunEntries();
                for (var g = 0; g < groups.SubscriptionIds.Count; g++)
                {
                    var subscriptionId = groups.SubscriptionIds[g];
                    if (!routes.TryGetValue(subscriptionId, out var route)) continue; // removed meanwhile: nobody to deliver to
                    var target = route.Target;
                    entries.Collect(matches, groups.Of(g));
                    if (repeats.Count > 0) entries.RemoveAll(e => repeats.Contains((subscriptionId, e.Paper)));
                    if (entries.Count == 0) continue;
                    added += entries.Count;
                    var slot = route.Slot(cursors.TryGetValue(subscriptionId, out var cursor) ? Date(cursor["LastDigestAt"]) : null);
                    yield return OutboxRun.NewDocument(ids.Next(target), subscriptionId, target, now, slot, entries.List);
                }
            }

            using (var built = BuiltAside.Start(Runs()))
                context.Outbox.InsertBulk(built.Documents());
            ids.Save();
            OutboxCounts.Apply(context.OutboxCounts, new Tally(added, 0, 0));
            return added;
        });
    }

    /// <summary>The routes of these subscriptions: kept in memory (<see cref="SubscriptionRoutes"/>), else read from the
    /// file, one by one when few or in one pass that decodes only the routing fields, and kept from then on.</summary>
    private Dictionary<string, SubscriptionRoute> Routes(IReadOnlyList<string> ids)
    {
        var found = new Dictionary<string, SubscriptionRoute>(ids.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        context.Routes.TryGet(ids, found, missing);
        if (missing.Count == 0) return found;
        var read = Lookup(context.Subscriptions, missing, SubscriptionRoute.Fields).ToDictionary(d => d.Key, d => SubscriptionRoute.Of(d.Value), StringComparer.Ordinal);
        // Under the write gate, and this transaction writes no subscription: what was read is the file's state.
        context.Routes.Add(read);
        foreach (var (id, route) in read) found[id] = route;
        return found;
    }

    /// <summary>The matches already queued or delivered to their target: only a paper that met the outbox before (a
    /// re-match after a crash) can be one. Read before the insert starts, which then only writes.</summary>
    private HashSet<(string Subscription, PaperId Paper)> Repeats(IReadOnlyList<PaperMatch> matches, MatchGroups groups,
        Dictionary<string, SubscriptionRoute> routes, HashSet<PaperId> seen)
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var repeats = new HashSet<(string, PaperId)>();
        for (var g = 0; g < groups.SubscriptionIds.Count; g++)
        {
            var subscriptionId = groups.SubscriptionIds[g];
            if (!routes.TryGetValue(subscriptionId, out var route)) continue;
            foreach (var at in groups.Of(g))
            {
                var paper = matches[at].PaperId;
                if (seen.Contains(paper) && AlreadyQueued(known, route.Target, subscriptionId, paper)) repeats.Add((subscriptionId, paper));
            }
        }
        return repeats;
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

    /// <summary>The positions of each subscription's matches, in match order, grouped by a counting sort: two arrays
    /// for the whole batch instead of a list per subscription.</summary>
    private sealed class MatchGroups
    {
        private readonly int[] _starts;
        private readonly int[] _order;

        private MatchGroups(List<string> ids, int[] starts, int[] order) => (SubscriptionIds, _starts, _order) = (ids, starts, order);

        /// <summary>Each subscription once, in order of its first match.</summary>
        public IReadOnlyList<string> SubscriptionIds { get; }

        public ReadOnlySpan<int> Of(int group) => _order.AsSpan(_starts[group], _starts[group + 1] - _starts[group]);

        public static MatchGroups Of(IReadOnlyList<PaperMatch> matches)
        {
            var groupOf = new int[matches.Count];
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var ids = new List<string>();
            var counts = new List<int>();
            for (var i = 0; i < matches.Count; i++)
            {
                ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(index, matches[i].SubscriptionId, out var exists);
                if (!exists)
                {
                    group = ids.Count;
                    ids.Add(matches[i].SubscriptionId);
                    counts.Add(0);
                }
                groupOf[i] = group;
                counts[group]++;
            }
            var starts = new int[ids.Count + 1];
            for (var g = 0; g < ids.Count; g++) starts[g + 1] = starts[g] + counts[g];
            var next = starts[..^1];
            var order = new int[matches.Count];
            for (var i = 0; i < matches.Count; i++) order[next[groupOf[i]]++] = i;
            return new MatchGroups(ids, starts, order);
        }
    }

    /// <summary>One subscription's matches of a batch, one entry per paper: the same match twice is one entry with
    /// every reason and the best score. Reused from one subscription to the next.</summary>
    private sealed class RunEntries
    {
        // Most subscriptions match a few papers a batch; a broad one may match thousands, looked up by position.
        private const int ScanUpTo = 16;
        private readonly Dictionary<PaperId, int> _positions = [];

        public List<RunEntry> List { get; } = [];

        public int Count => List.Count;

        public void Collect(IReadOnlyList<PaperMatch> matches, ReadOnlySpan<int> positions)
        {
            List.Clear();
            _positions.Clear();
            var indexed = positions.Length > ScanUpTo;
            foreach (var at in positions)
            {
                var m = matches[at];
                var known = indexed ? (_positions.TryGetValue(m.PaperId, out var k) ? k : -1) : Find(m.PaperId);
                if (known < 0)
                {
                    if (indexed) _positions[m.PaperId] = List.Count;
                    List.Add(new RunEntry(m.PaperId, Distinct(m.Why), m.Score));
                    continue;
                }
                var merged = List[known].Why.ToList();
                foreach (var h in m.Why)
                    if (!merged.Contains(h)) merged.Add(h);
                List[known] = new RunEntry(m.PaperId, merged, Math.Max(List[known].Score, m.Score));
            }
        }

        public void RemoveAll(Predicate<RunEntry> drop) => List.RemoveAll(drop);

        private int Find(PaperId paper)
        {
            for (var k = 0; k < List.Count; k++)
                if (List[k].Paper == paper) return k;
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
