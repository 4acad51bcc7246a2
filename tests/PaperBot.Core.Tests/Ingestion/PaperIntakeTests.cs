using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;

namespace PaperBot.Core.Tests.Ingestion;

public class PaperIntakeTests
{
    private static Paper Paper(int n, string title) => new() { Id = PaperId.Parse($"2603.{n:D5}"), Title = title, Abstract = "An abstract." };

    /// <summary>A matcher that fails once, as a crash between storing and queueing would.</summary>
    private sealed class FailingOnce(IPaperMatcher inner) : IPaperMatcher
    {
        private bool _failed;

        public IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers)
        {
            if (_failed) return inner.Match(papers);
            _failed = true;
            throw new InvalidOperationException("simulated crash");
        }
    }

    private static (TestDatabase Db, SubscriptionMatcher Matcher) Setup()
    {
        var db = new TestDatabase();
        var matcher = new SubscriptionMatcher(db.Subscriptions);
        new SubscriptionService(db.Subscriptions, matcher, db.Outbox).Add(new Subscription
        {
            Id = "s-1", Subscriber = Subscriber.DiscordUser("42"), Query = "diffusion", Confirmed = true, CreatedAt = db.Time.GetUtcNow(),
        });
        return (db, matcher);
    }

    [Fact]
    public void A_crash_after_storing_new_papers_loses_no_alert()
    {
        var (db, matcher) = Setup();
        using var _ = db;
        var intake = new PaperIntake(db.Papers, new NoSearchIndex(), new FailingOnce(matcher), db.Outbox);

        Assert.Throws<InvalidOperationException>(() => intake.Accept([Paper(1, "Diffusion models")], PaperSources.Arxiv, alert: true));
        Assert.Single(db.Papers.PendingAlerts());

        var next = intake.Accept([Paper(2, "Graphs")], PaperSources.Arxiv, alert: true);

        Assert.Equal(1, next.AlertsQueued);
        Assert.Equal("s-1:2603.00001", Assert.Single(db.Outbox.Pending(10)).Id);
        Assert.Empty(db.Papers.PendingAlerts());
    }

    /// <summary>Counts how often each paper meets the matcher. The first batch waits in the matcher until another thread
    /// has met a lock (the second poll, at the intake's), or at most 5 s, so the two polls overlap. The count is the
    /// process's: another test's contention only ends the wait early.</summary>
    private sealed class CountingMatcher(IPaperMatcher inner) : IPaperMatcher
    {
        public System.Collections.Concurrent.ConcurrentDictionary<PaperId, int> Seen { get; } = new();

        public IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers)
        {
            var first = Seen.IsEmpty;
            var contended = Monitor.LockContentionCount;
            foreach (var p in papers) Seen.AddOrUpdate(p.Id, 1, (_, n) => n + 1);
            if (first) SpinWait.SpinUntil(() => Monitor.LockContentionCount > contended, TimeSpan.FromSeconds(5));
            return inner.Match(papers);
        }
    }

    [Fact]
    public async Task Two_sources_polled_at_once_match_each_new_paper_once()
    {
        var (db, matcher) = Setup();
        using var _ = db;
        var counting = new CountingMatcher(matcher);
        var intake = new PaperIntake(db.Papers, new NoSearchIndex(), counting, db.Outbox);
        intake.Accept([Paper(100, "Old"), Paper(200, "Old too")], PaperSources.Arxiv, alert: false);

        // The second poll brings only known papers, but it used to match the first one's "alert pending" marks too.
        var polls = new[]
        {
            Task.Run(() => intake.Accept([.. Enumerable.Range(1, 50).Select(n => Paper(n, $"Diffusion {n}"))], PaperSources.HuggingFace, alert: true)),
            Task.Run(() =>
            {
                SpinWait.SpinUntil(() => !counting.Seen.IsEmpty); // the first poll is matching its new papers now
                intake.Accept([Paper(200, "Old too")], PaperSources.Arxiv, alert: true);
            }),
        };
        await Task.WhenAll(polls);

        Assert.Equal(50, counting.Seen.Count);
        Assert.All(counting.Seen.Values, n => Assert.Equal(1, n));
        Assert.Equal(50, db.Outbox.Pending(100).Count);
    }

    [Fact]
    public void Papers_stored_without_alerting_are_never_marked_pending()
    {
        var (db, matcher) = Setup();
        using var _ = db;
        var intake = new PaperIntake(db.Papers, new NoSearchIndex(), matcher, db.Outbox);

        var result = intake.Accept([Paper(1, "Diffusion models")], PaperSources.File, alert: false);

        Assert.Equal((1, 0), (result.New, result.AlertsQueued));
        Assert.Empty(db.Papers.PendingAlerts());
        Assert.Equal(0, intake.QueuePendingAlerts());
    }

    [Fact]
    public void Queueing_the_same_pending_alert_twice_adds_one_outbox_item()
    {
        var (db, matcher) = Setup();
        using var _ = db;
        db.Papers.Save([Paper(1, "Diffusion models")], PaperSources.Arxiv, new HashSet<PaperId> { PaperId.Parse("2603.00001") });
        var intake = new PaperIntake(db.Papers, new NoSearchIndex(), matcher, db.Outbox);
        db.Outbox.Enqueue(matcher.Match(db.Papers.PendingAlerts())); // queued, then a crash before the mark was cleared

        Assert.Equal(0, intake.QueuePendingAlerts());
        Assert.Single(db.Outbox.Pending(10));
    }
}
