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

    public static Subscription ToSubscription(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        Subscriber = new Subscriber(Enum.Parse<SubscriberKind>(d["Kind"].AsString), d["Address"].AsString, NullableString(d["GuildId"])),
        Query = d["Query"].AsString,
        Mode = Enum.Parse<DeliveryMode>(d["Mode"].AsString),
        DeliveryTime = TimeOnly.ParseExact(d["DeliveryTime"].AsString, "HH:mm", CultureInfo.InvariantCulture),
        WeeklyDay = Enum.Parse<DayOfWeek>(d["WeeklyDay"].AsString),
        TimeZone = d["TimeZone"].AsString,
        Confirmed = d["Confirmed"].AsBoolean,
        CreatedAt = Date(d["CreatedAt"]),
        PausedReason = NullableString(d["PausedReason"]),
        CreatedBy = NullableString(d["CreatedBy"]),
    };
}
