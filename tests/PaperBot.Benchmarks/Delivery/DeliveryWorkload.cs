using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Benchmarks.Delivery;

/// <summary>
/// A deterministic backlog: subscribers with one daily or weekly digest each, a fifth of them with a second digest
/// subscription that overlaps the first (so one paper is matched twice for one target), and items spread over a
/// shared pool of papers. Every digest is due at <see cref="Now"/>.
/// </summary>
internal sealed class DeliveryWorkload
{
    public static readonly DateTimeOffset Created = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero); // a Monday
    public static readonly DateTimeOffset Now = Created.AddDays(8);

    public DeliveryWorkload(int subscribers, int items, int seed = 42)
    {
        var random = new Random(seed);
        var zones = new[] { "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata" };
        var papers = Enumerable.Range(0, Math.Max(1000, items / 20)).Select(i => PaperId.Parse($"26{i / 100000 % 100:D2}.{i % 100000:D5}")).ToArray();
        var subs = new List<Subscription>(subscribers * 6 / 5);
        for (var t = 0; t < subscribers; t++)
        {
            var who = Subscriber.Email($"reader{t}@example.org");
            var count = t % 5 == 0 ? 2 : 1;
            for (var k = 0; k < count; k++)
            {
                subs.Add(new Subscription
                {
                    Id = $"s-{t:D6}-{k}", Subscriber = who, Query = "q", Confirmed = true, CreatedAt = Created,
                    Mode = random.Next(4) == 0 ? DeliveryMode.Weekly : DeliveryMode.Daily, TimeZone = zones[t % zones.Length],
                    DeliveryTime = new TimeOnly(random.Next(24), 0), WeeklyDay = (DayOfWeek)random.Next(7),
                });
            }
        }
        Subscriptions = subs.ToDictionary(s => s.Id, StringComparer.Ordinal);

        var open = new List<OutboxItem>(items);
        var perTarget = items / subscribers;
        for (var t = 0; t < subscribers && open.Count < items; t++)
        {
            var target = $"email:reader{t}@example.org";
            var basePaper = random.Next(papers.Length);
            for (var j = 0; j < perTarget && open.Count < items; j++)
            {
                // Second subscriptions repeat their first's papers: the overlap the planner must merge.
                var k = t % 5 == 0 ? j % 2 : 0;
                var paper = papers[(basePaper + (t % 5 == 0 ? j / 2 : j)) % papers.Length];
                var sub = $"s-{t:D6}-{k}";
                open.Add(new OutboxItem
                {
                    SubscriptionId = sub, PaperId = paper, Target = target,
                    Why = [new MatchHit("title", "q")], Score = random.Next(100), CreatedAt = Created.AddMinutes(j), NextAttemptAt = Created.AddMinutes(j),
                });
            }
        }
        Snapshot = new OutboxSnapshot(open, new Dictionary<string, DateTimeOffset>());
    }

    public IReadOnlyDictionary<string, Subscription> Subscriptions { get; }
    public OutboxSnapshot Snapshot { get; }

    public IEnumerable<PaperMatch> Matches => Snapshot.Open.Select(i => new PaperMatch(i.SubscriptionId, i.PaperId, i.Why, i.Score));
}
