using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <summary>Digest defaults for subscriptions that don't choose their own (<c>Delivery:*</c>).</summary>
public sealed class DeliveryOptions : IValidatedOptions
{
    public static string Section => "Delivery";

    public string TimeZone { get; set; } = "UTC";
    public string DigestTime { get; set; } = "08:00";
    public string WeeklyDay { get; set; } = "Monday";
    public int MaxItemsPerDigest { get; set; } = 20;

    /// <summary>When a digest slot finds nothing new: false sends nothing, true sends a short "nothing new" note.</summary>
    public bool SendEmptyDigests { get; set; }

    /// <summary>How often <c>run</c> makes a dispatch pass: instant alerts wait at most this long.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeOnly DigestTimeOfDay => ScheduleValidation.TryParseTime(DigestTime, out var t) ? t : new TimeOnly(8, 0);
    public DayOfWeek WeeklyDayOfWeek => ScheduleValidation.TryParseDay(WeeklyDay, out var d) ? d : DayOfWeek.Monday;

    public IEnumerable<ConfigurationError> Validate()
    {
        if (!ScheduleValidation.TryFindTimeZone(TimeZone, out _))
            yield return new("Delivery:TimeZone", $"'{TimeZone}' is not a known time zone (use an IANA id such as Europe/Berlin)");
        if (!ScheduleValidation.TryParseTime(DigestTime, out _))
            yield return new("Delivery:DigestTime", $"'{DigestTime}' is not a time of day (use HH:MM, e.g. 08:00)");
        if (!ScheduleValidation.TryParseDay(WeeklyDay, out _))
            yield return new("Delivery:WeeklyDay", $"'{WeeklyDay}' is not a day of the week (e.g. Monday)");
        if (MaxItemsPerDigest is < 1 or > 100)
            yield return new("Delivery:MaxItemsPerDigest", $"{MaxItemsPerDigest} is out of range (1 to 100)");
        if (DispatchInterval < TimeSpan.FromSeconds(1) || DispatchInterval > TimeSpan.FromHours(1))
            yield return new("Delivery:DispatchInterval", $"{DispatchInterval} is out of range (00:00:01 to 01:00:00)");
    }
}
