namespace PaperBot.Core.Subscriptions;

public enum SubscriberKind { Email, DiscordUser, DiscordChannel }

public enum DeliveryMode { Instant, Daily, Weekly }

/// <summary>Who receives alerts: an email address, a Discord user (DM) or a Discord channel in a guild.</summary>
public sealed record Subscriber(SubscriberKind Kind, string Address, string? GuildId = null)
{
    public static Subscriber Email(string address) => new(SubscriberKind.Email, address.Trim());
    public static Subscriber DiscordUser(string userId) => new(SubscriberKind.DiscordUser, userId);
    public static Subscriber DiscordChannel(string channelId, string guildId) => new(SubscriberKind.DiscordChannel, channelId, guildId);

    /// <summary>A stable key for one delivery target: alerts are de-duplicated per target, not per subscription.</summary>
    public string TargetKey => Kind switch
    {
        SubscriberKind.Email => "email:" + Address.ToLowerInvariant(),
        SubscriberKind.DiscordUser => "discord-user:" + Address,
        _ => "discord-channel:" + Address,
    };

    public override string ToString() => Kind switch
    {
        SubscriberKind.Email => Address,
        SubscriberKind.DiscordUser => $"discord user {Address}",
        _ => $"discord channel {Address} (guild {GuildId})",
    };
}

/// <summary>A standing query and how its matches are delivered.</summary>
public sealed record Subscription
{
    public required string Id { get; init; }
    public required Subscriber Subscriber { get; init; }
    public required string Query { get; init; }
    public DeliveryMode Mode { get; init; } = DeliveryMode.Instant;

    /// <summary>Local delivery time for daily and weekly digests.</summary>
    public TimeOnly DeliveryTime { get; init; } = new(8, 0);

    public DayOfWeek WeeklyDay { get; init; } = DayOfWeek.Monday;

    /// <summary>IANA time zone of <see cref="DeliveryTime"/> (<c>Europe/Berlin</c>).</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Email subscriptions wait for double opt-in; Discord ones are confirmed on creation.</summary>
    public bool Confirmed { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The Discord user id of whoever created it with <c>/subscribe</c> (null from the CLI and the web):
    /// <c>/unsubscribe</c> offers a member the channel subscriptions they made.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Set when delivery failed permanently (unknown channel, address rejected); alerts wait until cleared.</summary>
    public string? PausedReason { get; init; }

    public bool IsActive => Confirmed && PausedReason is null;

    /// <summary><c>pending</c> (waiting for double opt-in), <c>paused</c> (see <see cref="PausedReason"/>) or <c>active</c>.</summary>
    public string Status => !Confirmed ? "pending" : PausedReason is not null ? "paused" : "active";
}
