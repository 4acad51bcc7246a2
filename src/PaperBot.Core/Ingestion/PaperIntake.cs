using System.Diagnostics;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core.Ingestion;

/// <summary>What one batch did: the store's verdict per paper, and how many alerts it queued.</summary>
public sealed record IntakeResult(int New, int Updated, int Unchanged, int AlertsQueued, IReadOnlyList<Paper> NewPapers)
{
    public static readonly IntakeResult Empty = new(0, 0, 0, 0, []);

    public IntakeResult Add(IntakeResult other) =>
        new(New + other.New, Updated + other.Updated, Unchanged + other.Unchanged, AlertsQueued + other.AlertsQueued, [.. NewPapers, .. other.NewPapers]);
}

/// <summary>
/// The one path from parsed papers to alerts, shared by every source and by file imports: the store decides what
/// is new, and only new papers meet the matcher (a new version or new upvotes update the record silently).
/// One intake at a time: two sources polled together would otherwise both match the papers one of them marked
/// "alert pending" (the outbox drops the repeats, but at a million subscriptions the day is matched twice; found by
/// the end-to-end load report).
/// </summary>
public sealed class PaperIntake(IPaperStore store, IPaperIndexer index, IPaperMatcher matcher, IAlertQueue alerts)
{
    private readonly Lock _one = new();

    /// <param name="alert">False for baselines, backfills and plain imports: papers are recorded, nobody is told.</param>
    public IntakeResult Accept(IReadOnlyList<Paper> papers, string source, bool alert) =>
        Accept([.. papers.Select(p => new FetchedPaper(p))], source, alert);

    /// <summary>As above, but only new papers marked <see cref="FetchedPaper.AlertEligible"/> meet the matcher
    /// (an arXiv cross-list or replacement is stored silently unless its announce type is configured).</summary>
    public IntakeResult Accept(IReadOnlyList<FetchedPaper> fetched, string source, bool alert)
    {
        if (fetched.Count == 0) return IntakeResult.Empty;
        lock (_one) return AcceptOne(fetched, source, alert);
    }

    private IntakeResult AcceptOne(IReadOnlyList<FetchedPaper> fetched, string source, bool alert)
    {
        var recovered = Queue(store.PendingAlerts());
        var eligible = alert ? fetched.Where(f => f.AlertEligible).Select(f => f.Paper.Id).ToHashSet() : [];
        var stored = store.Save([.. fetched.Select(f => f.Paper)], source, eligible);
        var fresh = stored.New.ToList();
        // The search index follows the store batch by batch; if it falls behind (a crash here) it catches up on open.
        if (fresh.Count > 0 || stored.UpdatedCount > 0) index.Index([.. fresh, .. stored.Updated]);
        var queued = Queue([.. fresh.Where(p => eligible.Contains(p.Id))]);
        return new IntakeResult(fresh.Count, stored.UpdatedCount, stored.UnchangedCount, recovered + queued, fresh);
    }

    /// <summary>Queues the alerts of papers stored before a crash kept them from being matched; returns how many.</summary>
    public int QueuePendingAlerts()
    {
        lock (_one) return Queue(store.PendingAlerts());
    }

    // The store marked these papers "alert pending" when it saved them; the mark goes once their alerts are queued.
    // A crash in between matches them again next time, and the outbox's unique keys drop any repeat.
    private int Queue(IReadOnlyList<Paper> papers)
    {
        if (papers.Count == 0) return 0;
        var started = Stopwatch.GetTimestamp(); // a measured duration for the metric only: no clock rules depend on it
        var queued = alerts.Enqueue(matcher.Match(papers));
        CoreMetrics.Matched(queued, Stopwatch.GetElapsedTime(started));
        store.ClearPendingAlerts(papers.Select(p => p.Id));
        return queued;
    }
}
