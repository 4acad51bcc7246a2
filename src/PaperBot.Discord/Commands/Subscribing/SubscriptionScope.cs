using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Discord.Commands.Subscribing;

/// <summary>
/// Which subscriptions a member may see and remove. Yours: your DM subscriptions and the channel subscriptions you
/// created in this guild. This channel's: every subscription delivered here. Nothing from another guild, ever.
/// </summary>
public sealed class SubscriptionScope(ISubscriptionStore store)
{
    public IReadOnlyList<Subscription> Yours(CommandContext c)
    {
        var dms = store.ForTarget(c.Me.TargetKey);
        if (!c.InGuild) return dms;
        var created = store.CreatedBy(c.UserId).Where(s => s.Subscriber.Kind == SubscriberKind.DiscordChannel && s.Subscriber.GuildId == c.GuildId);
        return [.. dms.Concat(created)];
    }

    public IReadOnlyList<Subscription> ThisChannel(CommandContext c) =>
        c.ThisChannel is { } channel ? [.. store.ForTarget(channel.TargetKey).Where(s => s.Subscriber.GuildId == c.GuildId)] : [];

    /// <summary>Yours and this channel's, each once.</summary>
    public IReadOnlyList<Subscription> Visible(CommandContext c) => [.. Yours(c).Concat(ThisChannel(c)).DistinctBy(s => s.Id)];

    /// <summary>Yours, and this channel's with Manage Channels.</summary>
    public IReadOnlyList<Subscription> Removable(CommandContext c) =>
        c.CanManageChannels ? Visible(c) : Yours(c);

    /// <summary>One line for lists and autocomplete: the query, where and when.</summary>
    public static string Describe(Subscription s)
    {
        var where = s.Subscriber.Kind == SubscriberKind.DiscordChannel ? $"<#{s.Subscriber.Address}>" : "DM";
        var when = s.Mode switch
        {
            DeliveryMode.Daily => $"daily at {s.DeliveryTime:HH\\:mm} {s.TimeZone}",
            DeliveryMode.Weekly => $"weekly on {s.WeeklyDay} at {s.DeliveryTime:HH\\:mm} {s.TimeZone}",
            _ => "instant",
        };
        return $"{where}, {when}";
    }
}
