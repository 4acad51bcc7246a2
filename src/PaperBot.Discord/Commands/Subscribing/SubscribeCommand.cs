using PaperBot.Core.Delivery;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;
using Opt = PaperBot.Discord.Commands.CommandCatalog.Options;

namespace PaperBot.Discord.Commands.Subscribing;

/// <summary><c>/subscribe query [delivery] [where] [at] [day] [timezone]</c>: validated before anything is stored;
/// <c>where: here</c> needs Manage Channels (or Administrator) in this channel.</summary>
public sealed class SubscribeCommand(SubscriptionService subscriptions, ISubscriptionStore store, DeliveryOptions defaults, TimeProvider time) : ISlashCommand, IAutocompleteCommand
{
    /// <summary>Per delivery target: enough for anyone, and what one autocomplete list can show.</summary>
    public const int MaxPerTarget = 25;

    public string Name => CommandCatalog.Subscribe;

    public bool IsPrivate(CommandContext context) => !WantsChannel(context);

    public CommandAnswer Execute(CommandContext c)
    {
        var query = (c.String(Opt.Query) ?? "").Trim();
        if (QueryParser.Parse(query).Error is { } error) return QueryErrors.Answer(query, error);
        if (WantsChannel(c) && !c.CanManageChannels)
            return CommandAnswer.Error("`where: here` needs the **Manage Channels** permission in this channel. Use `where: dm` to get the papers yourself.");
        var subscriber = WantsChannel(c) ? c.ThisChannel! : c.Me;

        if (!TryMode(c.String(Opt.Delivery), out var mode)) return CommandAnswer.Error("`delivery` is one of instant, daily or weekly.");
        var at = c.String(Opt.At) ?? defaults.DigestTime;
        if (!ScheduleValidation.TryParseTime(at, out var deliveryTime))
            return CommandAnswer.Error($"`at`: “{DiscordText.Safe(at, 20)}” is not a time of day; write HH:MM, e.g. 08:00.");
        var day = c.String(Opt.Day) ?? defaults.WeeklyDay;
        if (!ScheduleValidation.TryParseDay(day, out var weeklyDay))
            return CommandAnswer.Error($"`day`: “{DiscordText.Safe(day, 20)}” is not a day of the week.");
        var zone = (c.String(Opt.TimeZone) ?? defaults.TimeZone).Trim();
        if (!ScheduleValidation.TryFindTimeZone(zone, out _))
            return CommandAnswer.Error($"`timezone`: “{DiscordText.Safe(zone, 64)}” is not a known IANA time zone; pick one from the list, e.g. Europe/Berlin.");

        var existing = store.ForTarget(subscriber.TargetKey);
        if (existing.FirstOrDefault(s => s.Query == query) is { } same)
            return CommandAnswer.Error($"{Where(subscriber)} already has this query as `{same.Id}` ({SubscriptionScope.Describe(same)}).");
        if (existing.Count >= MaxPerTarget)
            return CommandAnswer.Error($"{Where(subscriber)} has {existing.Count} subscriptions, the most PaperBot keeps for one place. Remove one with `/unsubscribe` first.");

        var subscription = new Subscription
        {
            Id = SubscriptionIds.New(),
            Subscriber = subscriber,
            Query = query,
            Mode = mode,
            DeliveryTime = deliveryTime,
            WeeklyDay = weeklyDay,
            TimeZone = zone,
            Confirmed = true,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = c.UserId,
        };
        if (subscriptions.Add(subscription) is { } refused) return QueryErrors.Answer(query, refused);
        var text = $"✅ Subscribed `{subscription.Id}`: {Where(subscriber)} gets papers matching {Code.Span(query, 300)} ({SubscriptionScope.Describe(subscription)}).";
        return subscriber.Kind == SubscriberKind.DiscordChannel ? CommandAnswer.Public(text) : CommandAnswer.Private(text + " Make sure you accept DMs from this server's members.");
    }

    /// <summary>Time zones whose IANA id contains what was typed (<c>berl</c> → Europe/Berlin).</summary>
    public IReadOnlyList<CommandChoice> Complete(CommandContext context, string option, string typed) =>
        option != Opt.TimeZone ? [] :
        [.. TimeZones.Value.Where(z => z.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase)).Take(25).Select(z => CommandChoice.Of(z, z))];

    private static readonly Lazy<string[]> TimeZones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    private static bool WantsChannel(CommandContext c) => c.String(Opt.Where) == "here" && c.InGuild;

    private static bool TryMode(string? value, out DeliveryMode mode)
    {
        mode = DeliveryMode.Instant;
        return value is null || Enum.TryParse(value, ignoreCase: true, out mode) && Enum.IsDefined(mode);
    }

    private static string Where(Subscriber s) => s.Kind == SubscriberKind.DiscordChannel ? $"<#{s.Address}>" : "Your DMs";
}
