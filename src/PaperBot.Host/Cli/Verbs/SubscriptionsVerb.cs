using System.CommandLine;
using System.Globalization;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot subscriptions</c>: every subscription with its target, query and schedule.</summary>
public static class SubscriptionsVerb
{
    public static Command Create(CliContext ctx)
    {
        var json = CommonOptions.Json();
        var command = new Command("subscriptions", "List subscriptions.") { json };
        command.SetAction(parse =>
        {
            var all = ctx.Get<ISubscriptionStore>().All();
            if (parse.GetValue(json)) Json.Write(ctx.Out, all);
            else if (all.Count == 0) ctx.Out.WriteLine("no subscriptions");
            else foreach (var s in all) ctx.Out.WriteLine(Describe(s));
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>When it is delivered: <c>instant</c>, <c>daily at 08:00 Europe/Berlin</c>, <c>weekly on Monday at …</c>.</summary>
    public static string Schedule(Subscription s) => s.Mode switch
    {
        DeliveryMode.Instant => "instant",
        DeliveryMode.Daily => $"daily at {s.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {s.TimeZone}",
        _ => $"weekly on {s.WeeklyDay} at {s.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {s.TimeZone}",
    };

    public static string Describe(Subscription s)
    {
        var schedule = Schedule(s);
        var state = s.PausedReason is { } why ? $"  PAUSED: {Terminal.Clean(why)}" : s.Confirmed ? "" : "  (unconfirmed)";
        return $"{s.Id}  {Terminal.Clean(s.Subscriber.ToString())}  \"{Terminal.Clean(s.Query)}\"  {schedule}{state}";
    }
}
