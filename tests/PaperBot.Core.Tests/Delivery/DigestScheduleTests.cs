using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tests.Delivery;

public class DigestScheduleTests
{
    private static Subscription Daily(string zone, int hour, int minute) => new()
    {
        Id = "s-1", Subscriber = Subscriber.Email("a@example.org"), Query = "q", Mode = DeliveryMode.Daily,
        TimeZone = zone, DeliveryTime = new TimeOnly(hour, minute), Confirmed = true,
        CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Successive slots, as the dispatcher sees them when each digest is recorded at its slot.</summary>
    private static List<DateTimeOffset> Slots(Subscription s, DateTimeOffset from, int count)
    {
        var slots = new List<DateTimeOffset>();
        for (var at = from; slots.Count < count;) slots.Add(at = DigestSchedule.NextDue(s, at)!.Value);
        return slots;
    }

    [Fact]
    public void A_berlin_morning_digest_moves_from_seven_to_six_utc_on_the_spring_change_day_and_is_never_skipped()
    {
        Assert.Equal([Utc(3, 28, 7, 0), Utc(3, 29, 6, 0), Utc(3, 30, 6, 0)], Slots(Daily("Europe/Berlin", 8, 0), Utc(3, 27, 12, 0), 3));
    }

    [Fact]
    public void A_berlin_digest_at_a_time_skipped_in_spring_fires_at_the_next_valid_minute_that_day()
    {
        // 02:30 does not exist on 29 March in Berlin; 03:00 CEST (01:00Z) is the first valid instant after it.
        Assert.Equal([Utc(3, 28, 1, 30), Utc(3, 29, 1, 0), Utc(3, 30, 0, 30)], Slots(Daily("Europe/Berlin", 2, 30), Utc(3, 27, 12, 0), 3));
    }

    [Fact]
    public void A_berlin_digest_at_a_time_repeated_in_autumn_fires_once_at_its_first_occurrence()
    {
        // 02:30 happens twice on 25 October (00:30Z in CEST, 01:30Z in CET): only the first is a slot.
        Assert.Equal([Utc(10, 24, 0, 30), Utc(10, 25, 0, 30), Utc(10, 26, 1, 30), Utc(10, 27, 1, 30)],
            Slots(Daily("Europe/Berlin", 2, 30), Utc(10, 23, 12, 0), 4));
    }

    [Fact]
    public void A_new_york_digest_survives_both_changes_with_one_slot_per_local_day()
    {
        Assert.Equal([Utc(3, 7, 7, 30), Utc(3, 8, 7, 0), Utc(3, 9, 6, 30)], Slots(Daily("America/New_York", 2, 30), Utc(3, 6, 12, 0), 3));
        Assert.Equal([Utc(10, 31, 5, 30), Utc(11, 1, 5, 30), Utc(11, 2, 6, 30)], Slots(Daily("America/New_York", 1, 30), Utc(10, 30, 12, 0), 3));
        Assert.Equal([Utc(3, 7, 14, 0), Utc(3, 8, 13, 0)], Slots(Daily("America/New_York", 9, 0), Utc(3, 7, 0, 0), 2));
    }

    [Fact]
    public void A_kolkata_digest_keeps_its_half_hour_offset_including_just_after_local_midnight()
    {
        var morning = Daily("Asia/Kolkata", 8, 0);
        Assert.Equal(Utc(3, 12, 2, 30), DigestSchedule.NextDue(morning, Utc(3, 12, 2, 29)));
        Assert.Equal(Utc(3, 13, 2, 30), DigestSchedule.NextDue(morning, Utc(3, 12, 2, 30)));
        // 00:15 on 13 March in Kolkata is still 12 March in UTC.
        Assert.Equal(Utc(3, 12, 18, 45), DigestSchedule.NextDue(Daily("Asia/Kolkata", 0, 15), Utc(3, 12, 18, 0)));
    }

    [Fact]
    public void A_weekly_digest_fires_on_its_day_only_and_follows_the_spring_change()
    {
        var monday = Daily("Europe/Berlin", 9, 0) with { Mode = DeliveryMode.Weekly, WeeklyDay = DayOfWeek.Monday };
        Assert.Equal([Utc(3, 23, 8, 0), Utc(3, 30, 7, 0), Utc(4, 6, 7, 0)], Slots(monday, Utc(3, 18, 0, 0), 3));

        var sundayInTheGap = Daily("Europe/Berlin", 2, 30) with { Mode = DeliveryMode.Weekly, WeeklyDay = DayOfWeek.Sunday };
        Assert.Equal([Utc(3, 22, 1, 30), Utc(3, 29, 1, 0), Utc(4, 5, 0, 30)], Slots(sundayInTheGap, Utc(3, 18, 0, 0), 3));
    }

    [Fact]
    public void After_an_outage_of_several_days_one_digest_is_due_and_then_none_until_the_next_slot()
    {
        var s = Daily("UTC", 8, 0);
        var last = Utc(3, 9, 8, 0);
        var now = Utc(3, 12, 10, 0);
        Assert.True(DigestSchedule.IsDue(s, last, now));
        Assert.False(DigestSchedule.IsDue(s, now, now.AddHours(21)));
        Assert.True(DigestSchedule.IsDue(s, now, now.AddHours(22)));
    }

    [Fact]
    public void A_new_subscription_waits_for_its_first_slot_after_creation()
    {
        var s = Daily("UTC", 8, 0) with { CreatedAt = Utc(3, 12, 9, 0) };
        Assert.False(DigestSchedule.IsDue(s, null, Utc(3, 13, 7, 59)));
        Assert.True(DigestSchedule.IsDue(s, null, Utc(3, 13, 8, 0)));
    }

    [Fact]
    public void A_subscription_without_a_creation_time_is_simply_due()
    {
        var s = Daily("America/New_York", 8, 0) with { CreatedAt = default };
        Assert.True(DigestSchedule.IsDue(s, null, Utc(3, 12, 0, 0)));
    }

    [Fact]
    public void Instant_subscriptions_have_no_digest_slot()
    {
        Assert.Null(DigestSchedule.NextDue(Daily("UTC", 8, 0) with { Mode = DeliveryMode.Instant }, Utc(3, 12, 0, 0)));
    }
}
