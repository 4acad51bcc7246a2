using System.Globalization;
using LiteDB;
using PaperBot.Core.Subscriptions;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage.Mapping;

internal static class SubscriptionMapping
{
    public static BsonDocument ToDocument(Subscription s)
    {
        var doc = new BsonDocument
        {
            ["_id"] = s.Id,
            ["Kind"] = s.Subscriber.Kind.ToString(),
            ["Address"] = s.Subscriber.Address,
            ["Target"] = s.Subscriber.TargetKey,
            ["Query"] = s.Query,
            ["Mode"] = s.Mode.ToString(),
            ["DeliveryTime"] = s.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["WeeklyDay"] = s.WeeklyDay.ToString(),
            ["TimeZone"] = s.TimeZone,
            ["Confirmed"] = s.Confirmed,
            ["CreatedAt"] = Date(s.CreatedAt),
        };
        Set(doc, "GuildId", s.Subscriber.GuildId);
        Set(doc, "PausedReason", s.PausedReason);
        Set(doc, "CreatedBy", s.CreatedBy);
        return BsonText.Whole(doc);
    }

    // "HH:mm" as ToDocument writes it, read without the culture-aware parser: enqueue reads thousands of these.
    internal static TimeOnly Time(string hhmm) =>
        hhmm is [var h1 and >= '0' and <= '9', var h2 and >= '0' and <= '9', ':', var m1 and >= '0' and <= '9', var m2 and >= '0' and <= '9']
            ? new TimeOnly((h1 - '0') * 10 + h2 - '0', (m1 - '0') * 10 + m2 - '0')
            : TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static Subscription ToSubscription(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Subscriber = new Subscriber(Enum.Parse<SubscriberKind>(d["Kind"].AsString), d["Address"].AsString, NullableString(d["GuildId"])),
        Query = d["Query"].AsString,
        Mode = Enum.Parse<DeliveryMode>(d["Mode"].AsString),
        DeliveryTime = Time(d["DeliveryTime"].AsString),
        WeeklyDay = Enum.Parse<DayOfWeek>(d["WeeklyDay"].AsString),
        TimeZone = d["TimeZone"].AsString,
        Confirmed = d["Confirmed"].AsBoolean,
        CreatedAt = Date(d["CreatedAt"]),
        PausedReason = NullableString(d["PausedReason"]),
        CreatedBy = NullableString(d["CreatedBy"]),
    };
}
