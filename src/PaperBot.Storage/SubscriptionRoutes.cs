using LiteDB;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>What enqueue reads of a subscription: where its alerts go and when its digest is due.</summary>
internal readonly record struct SubscriptionRoute(string Target, DeliveryMode Mode, TimeOnly DeliveryTime, DayOfWeek WeeklyDay, string TimeZone,
    DateTimeOffset CreatedAt)
{
    /// <summary>The fields a route is read from (the query texts are most of a subscription's bytes).</summary>
    public static readonly BsonExpression Fields = BsonExpression.Create("{ _id, Target, Mode, DeliveryTime, WeeklyDay, TimeZone, CreatedAt }");

    public static SubscriptionRoute Of(BsonDocument d) => new(d["Target"].AsString, Enum.Parse<DeliveryMode>(d["Mode"].AsString),
        SubscriptionMapping.Time(d["DeliveryTime"].AsString), Enum.Parse<DayOfWeek>(d["WeeklyDay"].AsString), d["TimeZone"].AsString, Date(d["CreatedAt"]));

    public static SubscriptionRoute Of(Subscription s) => new(s.Subscriber.TargetKey, s.Mode, s.DeliveryTime, s.WeeklyDay, s.TimeZone, s.CreatedAt);

    /// <summary>The digest's next slot after <paramref name="after"/> (its last digest, or the subscription's creation);
    /// null for instant delivery.</summary>
    public DateTimeOffset? Slot(DateTimeOffset? after) =>
        Mode == DeliveryMode.Instant ? null : DigestSchedule.NextDue(Mode, DeliveryTime, WeeklyDay, TimeZone, after ?? CreatedAt);
}

/// <summary>
/// The routes of the stored subscriptions, in memory: a day's enqueue at a million subscriptions matches ~600k of
/// them, and reading those from the file was a scan of every subscription (~9 s). Filled by the store's full read (the
/// matcher's load), completed by enqueue's lookups, and told of every subscription write, which drops that entry; an
/// entry is only ever added from what the file holds with no write in between, so a route is never staler than the file.
/// About 160 bytes a subscription. Also keeps how many subscriptions there are (see <see cref="SubscriptionCount"/>).
/// </summary>
internal sealed class SubscriptionRoutes
{
    private readonly Lock _lock = new();
    private Dictionary<string, SubscriptionRoute>? _routes;
    private long _writes;
    private int _count = -1;

    /// <summary>How many subscriptions the file holds, for choosing between looking documents up one by one and reading a
    /// collection whole, and for /healthz. LiteDB counts by reading every document (seconds at a million), so the count
    /// is taken from full reads or counted once, then kept by the store's writes.</summary>
    public int SubscriptionCount(ILiteCollection<BsonDocument> subscriptions)
    {
        lock (_lock)
        {
            if (_count < 0) _count = subscriptions.Count();
            return _count;
        }
    }

    /// <summary>Counts the writes so far; pass it to <see cref="Fill"/> after reading.</summary>
    public long Writes
    {
        get
        {
            lock (_lock) return _writes;
        }
    }

    /// <summary>A subscription is about to change or just changed (the store calls both, under the write gate); after
    /// the change, <paramref name="added"/> is how many subscriptions it added (-1 for a removal).</summary>
    public void Changed(string id, int added = 0)
    {
        lock (_lock)
        {
            _writes++;
            _routes?.Remove(id);
            if (_count >= 0) _count = Math.Max(0, _count + added);
        }
    }

    /// <summary>Takes the count and every subscription of a full read that began after <paramref name="writesBefore"/>
    /// writes, unless a write happened meanwhile (what was read may predate it); the routes only when none are kept.</summary>
    public void Fill(long writesBefore, IReadOnlyList<Subscription> all)
    {
        lock (_lock)
        {
            if (_writes != writesBefore) return;
            _count = all.Count;
            if (_routes is not null) return;
            var timeZones = new Dictionary<string, string>(StringComparer.Ordinal);
            _routes = new Dictionary<string, SubscriptionRoute>(all.Count, StringComparer.Ordinal);
            foreach (var s in all)
            {
                // Time zone names repeat: one string each.
                var zone = timeZones.TryGetValue(s.TimeZone, out var z) ? z : timeZones[s.TimeZone] = s.TimeZone;
                _routes[s.Id] = SubscriptionRoute.Of(s) with { TimeZone = zone };
            }
        }
    }

    /// <summary>The routes of <paramref name="ids"/> that are kept; the rest in <paramref name="missing"/> (every id until
    /// a full read filled the table).</summary>
    public void TryGet(IReadOnlyList<string> ids, Dictionary<string, SubscriptionRoute> found, List<string> missing)
    {
        lock (_lock)
        {
            if (_routes is null)
            {
                missing.AddRange(ids);
                return;
            }
            foreach (var id in ids)
            {
                if (_routes.TryGetValue(id, out var route)) found[id] = route;
                else missing.Add(id);
            }
        }
    }

    /// <summary>Routes just read from the file under the write gate, in a transaction that writes no subscription.</summary>
    public void Add(IEnumerable<KeyValuePair<string, SubscriptionRoute>> read)
    {
        lock (_lock)
        {
            if (_routes is null) return;
            foreach (var (id, route) in read) _routes[id] = route;
        }
    }
}
