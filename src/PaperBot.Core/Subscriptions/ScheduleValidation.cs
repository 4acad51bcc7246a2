namespace PaperBot.Core.Subscriptions;

/// <summary>Parses the user-facing schedule values (CLI, Discord, web) with messages that say what to fix.</summary>
public static class ScheduleValidation
{
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out time);

    public static bool TryParseDay(string text, out DayOfWeek day) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out day) && Enum.IsDefined(day) && !int.TryParse(text, out _);

    public static bool TryFindTimeZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        // A folder of the zone database ("Europe") throws SecurityException on Linux (found by the E2E fuzzing: a 500).
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException
            or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
