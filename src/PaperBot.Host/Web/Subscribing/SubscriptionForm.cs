using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using PaperBot.Core.Delivery;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Web.Subscribing;

/// <summary>A query error shown under the field: the message, and the query split around the offending character.</summary>
public sealed record QueryErrorView(string Message, string Before, string At, string After)
{
    public static QueryErrorView Of(string query, QueryError error)
    {
        var at = Math.Clamp(error.Position, 0, query.Length);
        var length = at < query.Length ? 1 : 0;
        return new(error.Message, query[..at], query.Substring(at, length), query[(at + length)..]);
    }
}

/// <summary>What a valid form asks for.</summary>
public sealed record ValidForm(string Query, DeliveryMode Mode, TimeOnly Time, DayOfWeek Day, string TimeZone);

/// <summary>
/// The subscribe form and the manage page's edit form: what the user typed (kept when something is wrong) and, after
/// <see cref="Validate"/>, what is wrong field by field, the query's error with its position.
/// </summary>
public sealed class SubscriptionForm
{
    public string Email { get; init; } = "";
    public string Query { get; init; } = "";
    public string Mode { get; init; } = "daily";
    public string Time { get; init; } = "08:00";
    public string Day { get; init; } = "Monday";
    public string TimeZone { get; init; } = "UTC";

    public string? EmailError { get; private set; }
    public QueryErrorView? QueryError { get; private set; }
    public string? ModeError { get; private set; }
    public string? TimeError { get; private set; }
    public string? DayError { get; private set; }
    public string? TimeZoneError { get; private set; }

    public bool HasErrors => EmailError is not null || QueryError is not null || ModeError is not null || TimeError is not null || DayError is not null || TimeZoneError is not null;

    public static IReadOnlyList<string> Days { get; } = [.. Enum.GetNames<DayOfWeek>().Skip(1), nameof(DayOfWeek.Sunday)];

    public static SubscriptionForm Defaults(DeliveryOptions defaults, string? query = null) =>
        new() { Query = (query ?? "").Trim(), Time = defaults.DigestTime, Day = defaults.WeeklyDay, TimeZone = defaults.TimeZone };

    public static SubscriptionForm Of(Subscription s) => new()
    {
        Email = s.Subscriber.Address,
        Query = s.Query,
        Mode = s.Mode == DeliveryMode.Weekly ? "weekly" : "daily",
        Time = s.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        Day = s.WeeklyDay.ToString(),
        TimeZone = s.TimeZone,
    };

    public static SubscriptionForm Read(IFormCollection form) => new()
    {
        Email = form["email"].ToString().Trim(),
        Query = form["query"].ToString().Trim(),
        Mode = form["mode"].ToString().Trim(),
        Time = form["time"].ToString().Trim(),
        Day = form["day"].ToString().Trim(),
        TimeZone = form["timezone"].ToString().Trim(),
    };

    /// <summary>The valid request, or null with the errors set. <paramref name="withEmail"/>: the address is part of the form.</summary>
    public ValidForm? Validate(bool withEmail)
    {
        if (withEmail)
        {
            EmailError = Email.Length == 0 ? "Enter your email address."
                : Email.Length > 254 || !MailAddress.TryCreate(Email, out var address) || address.Address != Email || !Email.Contains('@', StringComparison.Ordinal)
                    ? "This is not an email address (like ada@example.org)." : null;
        }
        if (Query.Length == 0) QueryError = new("Enter a query: the words you want papers about.", "", "", "");
        else if (QueryParser.Parse(Query).Error is { } error) QueryError = QueryErrorView.Of(Query, error);

        var mode = Mode switch { "daily" => DeliveryMode.Daily, "weekly" => DeliveryMode.Weekly, _ => (DeliveryMode?)null };
        if (mode is null) ModeError = "Choose daily or weekly.";
        if (!ScheduleValidation.TryParseTime(Time, out var time)) TimeError = "Enter a time as HH:MM (like 08:00).";
        var day = DayOfWeek.Monday;
        if (mode == DeliveryMode.Weekly && !ScheduleValidation.TryParseDay(Day, out day)) DayError = "Choose a day of the week.";
        if (!ScheduleValidation.TryFindTimeZone(TimeZone, out _)) TimeZoneError = "Choose a time zone from the list (like Europe/Berlin).";

        return HasErrors ? null : new ValidForm(Query, mode!.Value, time, day, TimeZone);
    }
}
