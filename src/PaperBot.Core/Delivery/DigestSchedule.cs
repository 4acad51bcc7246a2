using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>
/// When daily and weekly digests are due, in the subscriber's own time zone. Each local day maps to exactly one
/// instant, so a DST change never skips or doubles a digest: a local time skipped in spring fires at the first valid
/// instant after it (02:30 → 03:00), and a local time repeated in autumn fires at its first occurrence only.
/// </summary>
public static class DigestSchedule
{
    private static readonly DateTimeOffset Floor = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first digest slot strictly after <paramref name="after"/>; null for instant subscriptions.</summary>
    public static DateTimeOffset? NextDue(Subscription subscription, DateTimeOffset after) =>
        NextDue(subscription.Mode, subscription.DeliveryTime, subscription.WeeklyDay, subscription.TimeZone, after);

    /// <summary>As above, from a subscription's schedule fields alone (a bulk enqueue reads no more of it).</summary>
    public static DateTimeOffset? NextDue(DeliveryMode mode, TimeOnly deliveryTime, DayOfWeek weeklyDay, string timeZone, DateTimeOffset after)
    {
        if (mode == DeliveryMode.Instant) return null;
        if (after < Floor) after = Floor; // an unset creation time must not underflow the calendar
        var zone = Zone(timeZone);
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        // From the day before (a slot late in the local evening may still be ahead in UTC) to a week and a day later.
        for (var date = localDate.AddDays(-1); date <= localDate.AddDays(8); date = date.AddDays(1))
        {
            if (mode == DeliveryMode.Weekly && date.DayOfWeek != weeklyDay) continue;
            var slot = SlotOn(date, deliveryTime, zone);
            if (slot > after) return slot;
        }
        throw new InvalidOperationException("unreachable: every week has a slot");
    }

    /// <summary>True when a slot passed since the last digest (or since the subscription was created). After a
    /// long outage this is one digest, not one per missed slot.</summary>
    public static bool IsDue(Subscription subscription, DateTimeOffset? lastDigestAt, DateTimeOffset now) =>
        NextDue(subscription, lastDigestAt ?? subscription.CreatedAt) is { } due && due <= now;

    /// <summary>The one UTC instant of <paramref name="time"/> on local <paramref name="date"/>.</summary>
    public static DateTimeOffset SlotOn(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // Skipped by a spring-forward gap: the first valid minute after it (gaps are whole minutes, at most a few hours).
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        // Repeated by a fall-back overlap: the first occurrence, i.e. the larger (pre-change) offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    // Looking a zone up reads tzdata; a pass asks for the same few zones for every subscription.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    private static TimeZoneInfo Zone(string id) =>
        Zones.GetOrAdd(id, static z => ScheduleValidation.TryFindTimeZone(z, out var zone) ? zone : TimeZoneInfo.Utc);
}
