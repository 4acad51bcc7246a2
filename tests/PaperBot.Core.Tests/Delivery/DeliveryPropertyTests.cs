using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing.Delivery;

namespace PaperBot.Core.Tests.Delivery;

/// <summary>
/// Random event sequences — papers arriving (some twice, from a second source), subscriptions added and removed,
/// time passing across DST changes, targets failing transiently, crashes at any dispatch step followed by a restart —
/// and afterwards every (target, matching paper) has been delivered exactly once, alerts in arrival order.
/// </summary>
public class DeliveryPropertyTests
{
    private static readonly Subscriber[] Targets =
        [Subscriber.Email("ann@example.org"), Subscriber.Email("bo@example.org"), Subscriber.DiscordChannel("111", "9"), Subscriber.DiscordUser("222")];

    private static readonly string[] Words = ["diffusion", "video", "robot", "graph"];
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"];

    private static readonly string[] CrashPoints =
        [nameof(IOutbox.ReleaseInFlight), nameof(IOutbox.LoadOpen), nameof(IOutbox.MarkSending), nameof(IOutbox.MarkSent), nameof(IOutbox.MarkRetry), nameof(IOutbox.RecordDigest)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_histories_deliver_every_matching_paper_to_every_target_exactly_once_in_order(int seed)
    {
        var random = new Random(seed);
        using var rig = new DeliveryRig(maxItemsPerDigest: 100, seed: seed);
        rig.Db.Time.SetUtcNow(new DateTimeOffset(2026, 3, 26, 0, 0, 0, TimeSpan.Zero)); // spans the March DST changes
        var failing = new HashSet<string>();
        rig.Channel.Behaviour = b => failing.Contains(b.Subscriber.TargetKey) ? new DeliveryResult.Transient("down", TimeSpan.FromSeconds(random.Next(0, 600))) : new DeliveryResult.Sent();

        var arrivedAt = new Dictionary<string, DateTimeOffset>();
        var expected = new List<(string Target, string Paper, string SubscriptionId)>();
        var papers = new List<Paper>();
        var restarts = 0;

        for (var step = 0; step < 150; step++)
        {
            var roll = random.NextDouble();
            if (roll < 0.30) Arrive();
            else if (roll < 0.40) Subscribe();
            else if (roll < 0.45) Unsubscribe();
            else if (roll < 0.55) Toggle();
            else if (roll < 0.65) await CrashAsync();
            else await rig.RunForAsync(TimeSpan.FromMinutes(random.Next(1, 360)), TimeSpan.FromMinutes(5));
        }

        failing.Clear();
        rig.Outbox.Disarm();
        await rig.RunForAsync(TimeSpan.FromDays(8), TimeSpan.FromMinutes(10));

        Assert.True(restarts > 0 && rig.Channel.Attempts.Count > rig.Channel.Delivered.Count, "the history must include crashes and failures");
        var existing = rig.Db.Subscriptions.All().Select(s => s.Id).ToHashSet();
        var delivered = rig.Channel.DeliveredPapers().ToList();
        Assert.Equal(delivered.Count, delivered.Distinct().Count()); // never twice
        var mustArrive = expected.Where(e => existing.Contains(e.SubscriptionId)).Select(e => (e.Target, e.Paper)).ToHashSet();
        Assert.Subset(delivered.ToHashSet(), mustArrive); // never lost
        Assert.Subset(expected.Select(e => (e.Target, e.Paper)).ToHashSet(), delivered.ToHashSet()); // never unasked
        Assert.Empty(rig.Db.Outbox.LoadOpen().Open); // delivered, or discarded with a removed subscription
        foreach (var target in rig.Channel.Delivered.Where(b => b.Kind == BatchKind.Alert).GroupBy(b => b.Subscriber.TargetKey))
        {
            var times = target.SelectMany(b => b.Entries).Select(e => arrivedAt[e.Paper.Id.Value]).ToList();
            Assert.Equal(times.Order(), times); // alerts in arrival order
        }

        void Arrive()
        {
            if (papers.Count > 0 && random.NextDouble() < 0.2)
            {
                rig.Arrive("arxiv", papers[random.Next(papers.Count)]); // a second source, or a re-import: not new
                return;
            }
            var batch = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => rig.NewPaper(string.Join(' ', Words.Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(Words[random.Next(Words.Length)]))))
                .ToArray();
            var active = rig.Db.Subscriptions.All().Where(s => s.IsActive).ToList();
            foreach (var p in rig.Arrive("huggingface", batch).NewPapers)
            {
                papers.Add(p);
                arrivedAt[p.Id.Value] = rig.Now;
                foreach (var s in active.Where(s => QueryEvaluator.IsMatch(QueryParser.Parse(s.Query).Query!, AnalyzedPaper.From(p))))
                    expected.Add((s.Subscriber.TargetKey, p.Id.Value, s.Id));
            }
        }

        void Subscribe()
        {
            var mode = (DeliveryMode)random.Next(3);
            rig.Subscribe(Targets[random.Next(Targets.Length)], Words[random.Next(Words.Length)], mode, Zones[random.Next(Zones.Length)],
                new TimeOnly(random.Next(24), random.Next(4) * 15), (DayOfWeek)random.Next(7));
        }

        void Unsubscribe()
        {
            var all = rig.Db.Subscriptions.All();
            if (all.Count > 0) rig.Subscriptions.Remove(all[random.Next(all.Count)].Id);
        }

        void Toggle()
        {
            var target = Targets[random.Next(Targets.Length)].TargetKey;
            if (!failing.Remove(target)) failing.Add(target);
        }

        async Task CrashAsync()
        {
            rig.Outbox.CrashAt(CrashPoints[random.Next(CrashPoints.Length)], random.Next(1, 3));
            try
            {
                await rig.RunForAsync(TimeSpan.FromMinutes(random.Next(1, 30)), TimeSpan.FromMinutes(1));
            }
            catch (SimulatedCrash)
            {
                rig.Restart();
                restarts++;
            }
            rig.Outbox.Disarm();
        }
    }
}
