using System.CommandLine;
using System.Net.Mail;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot subscribe</c>: the admin path to add a subscription; prints its id.</summary>
public static class SubscribeVerb
{
    public static Command Create(CliContext ctx)
    {
        var email = new Option<string?>("--email") { Description = "Deliver to this email address." };
        var channel = new Option<string?>("--discord-channel") { Description = "Deliver to this Discord channel id (needs --guild)." };
        var guild = new Option<string?>("--guild") { Description = "The Discord guild (server) id of --discord-channel." };
        var user = new Option<string?>("--discord-user") { Description = "Deliver to this Discord user id by DM." };
        var query = new Option<string>("--query") { Description = "The subscription query.", Required = true };
        var mode = new Option<DeliveryMode>("--mode") { Description = "instant, daily or weekly (default instant).", DefaultValueFactory = _ => DeliveryMode.Instant };
        var at = new Option<string?>("--at") { Description = "Local delivery time for digests, HH:MM (default Delivery:DigestTime)." };
        var day = new Option<string?>("--day") { Description = "Weekday of weekly digests (default Delivery:WeeklyDay)." };
        var timezone = new Option<string?>("--timezone") { Description = "IANA time zone of --at (default Delivery:TimeZone)." };
        var confirmed = new Option<bool>("--confirmed") { Description = "Mark an email subscription as confirmed (skips double opt-in)." };
        var command = new Command("subscribe", "Add a subscription (admin path); prints its id.")
        {
            email, channel, guild, user, query, mode, at, day, timezone, confirmed,
        };
        command.SetAction(parse =>
        {
            var defaults = ctx.Settings.Delivery;
            var subscriber = Subscriber(parse.GetValue(email), parse.GetValue(channel), parse.GetValue(guild), parse.GetValue(user));
            var subscription = new Subscription
            {
                Id = SubscriptionIds.New(),
                Subscriber = subscriber,
                Query = parse.GetValue(query)!.Trim(),
                Mode = parse.GetValue(mode),
                DeliveryTime = Time(parse.GetValue(at) ?? defaults.DigestTime),
                WeeklyDay = Day(parse.GetValue(day) ?? defaults.WeeklyDay),
                TimeZone = Zone(parse.GetValue(timezone) ?? defaults.TimeZone),
                Confirmed = subscriber.Kind != SubscriberKind.Email || parse.GetValue(confirmed),
                CreatedAt = ctx.Time.GetUtcNow(),
            };
            QueryArgument.Parse("--query", subscription.Query);
            ctx.Get<SubscriptionService>().Add(subscription);
            ctx.Out.WriteLine(subscription.Id);
            if (!subscription.Confirmed)
                ctx.Err.WriteLine($"{subscription.Id} waits for the subscriber's confirmation (pass --confirmed to skip double opt-in)");
            return CliApp.Ok;
        });
        return command;
    }

    private static Subscriber Subscriber(string? email, string? channel, string? guild, string? user)
    {
        var targets = new[] { email, channel, user }.Count(t => t is not null);
        if (targets != 1) throw new UsageException("give exactly one of --email, --discord-channel (with --guild) or --discord-user");
        if (email is not null)
        {
            return MailAddress.TryCreate(email, out var address) && address.Address == email.Trim()
                ? Core.Subscriptions.Subscriber.Email(address.Address)
                : throw new UsageException($"--email: '{email}' is not an email address");
        }
        if (user is not null) return Core.Subscriptions.Subscriber.DiscordUser(Snowflake("--discord-user", user));
        if (guild is null) throw new UsageException("--discord-channel needs --guild (the server id)");
        return Core.Subscriptions.Subscriber.DiscordChannel(Snowflake("--discord-channel", channel!), Snowflake("--guild", guild));
    }

    private static string Snowflake(string option, string value) =>
        value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit) ? value : throw new UsageException($"{option}: '{value}' is not a numeric Discord id");

    private static TimeOnly Time(string text) =>
        ScheduleValidation.TryParseTime(text, out var t) ? t : throw new UsageException($"--at: '{text}' is not a time (HH:MM)");

    private static DayOfWeek Day(string text) =>
        ScheduleValidation.TryParseDay(text, out var d) ? d : throw new UsageException($"--day: '{text}' is not a weekday (e.g. Monday)");

    private static string Zone(string id) =>
        ScheduleValidation.TryFindTimeZone(id, out _) ? id.Trim() : throw new UsageException($"--timezone: '{id}' is not a known IANA time zone (e.g. Europe/Berlin)");
}
