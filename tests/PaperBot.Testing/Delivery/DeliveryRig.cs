using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Testing.Delivery;

/// <summary>
/// The delivery path over a temp database: intake with the keyword matcher, the real outbox (behind a crash
/// switch), the real dispatcher, a recording far end, a fake clock and seeded jitter. <see cref="Restart"/> closes
/// and reopens the file with a new dispatcher, like a process restart.
/// </summary>
public sealed class DeliveryRig : IDisposable
{
    private int _paperNumber;

    public DeliveryRig(int maxItemsPerDigest = 20, bool sendEmptyDigests = false, int seed = 1)
    {
        Options = new DeliveryOptions { MaxItemsPerDigest = maxItemsPerDigest, SendEmptyDigests = sendEmptyDigests };
        Random = new Random(seed);
        Restart();
    }

    public TestDatabase Db { get; } = new();
    public RecordingChannel Channel { get; } = new();
    public DeliveryOptions Options { get; }
    public Random Random { get; }
    public CrashingOutbox Outbox { get; private set; } = null!;
    public DispatchService Dispatch { get; private set; } = null!;
    public PaperIntake Intake { get; private set; } = null!;
    public SubscriptionService Subscriptions { get; private set; } = null!;
    public DateTimeOffset Now => Db.Time.GetUtcNow();

    public void Restart()
    {
        if (Outbox is not null) Db.Reopen();
        Outbox = new CrashingOutbox(Db.Outbox);
        // A restart reloads the matcher from the store, like the service does.
        var matcher = new SubscriptionMatcher(Db.Subscriptions);
        Subscriptions = new SubscriptionService(Db.Subscriptions, matcher, Db.Outbox);
        Intake = new PaperIntake(Db.Papers, new NoSearchIndex(), matcher, Outbox);
        Dispatch = new DispatchService(Outbox, Db.Papers, Db.Subscriptions, [Channel], Options, new RetryPolicy(Random), Db.Time,
            NullLogger<DispatchService>.Instance);
    }

    private int _subscriptions;

    public Subscription Subscribe(Subscriber who, string query, DeliveryMode mode = DeliveryMode.Instant, string timeZone = "UTC",
        TimeOnly? at = null, DayOfWeek day = DayOfWeek.Monday)
    {
        var s = new Subscription
        {
            // Sequential ids keep seeded histories reproducible (store order ties break on the id).
            Id = $"s-{++_subscriptions:D6}", Subscriber = who, Query = query, Mode = mode, TimeZone = timeZone,
            DeliveryTime = at ?? new TimeOnly(8, 0), WeeklyDay = day, Confirmed = true, CreatedAt = Now,
        };
        if (Subscriptions.Add(s) is { } error) throw new ArgumentException(error.Message, nameof(query));
        return s;
    }

    /// <summary>A new arXiv paper whose title contains <paramref name="words"/>.</summary>
    public Paper NewPaper(string words)
    {
        var n = Interlocked.Increment(ref _paperNumber);
        return new Paper
        {
            Id = PaperId.Parse($"2603.{n:D5}"), Title = $"Paper {n} on {words}", Abstract = "An abstract.", Authors = ["Ann Author"],
        };
    }

    /// <summary>Papers arriving from a scheduled poll (alerting).</summary>
    public IntakeResult Arrive(string source, params Paper[] papers) => Intake.Accept(papers, source, alert: true);

    public Task<DispatchReport> PassAsync(bool digestsDueNow = false) => Dispatch.RunOnceAsync(CancellationToken.None, digestsDueNow);

    /// <summary>Runs the dispatch job every <paramref name="step"/> (30 s, as in the service) over <paramref name="span"/> of fake time.</summary>
    public async Task RunForAsync(TimeSpan span, TimeSpan? step = null)
    {
        var end = Now + span;
        while (Now < end)
        {
            Db.Time.Advance(step ?? TimeSpan.FromSeconds(30));
            await PassAsync();
        }
    }

    public void Dispose() => Db.Dispose();
}
