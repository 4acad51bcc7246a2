using System.CommandLine;
using PaperBot.Core.Subscribing;

namespace PaperBot.Host.Cli.Verbs;

public static class UnsubscribeVerb
{
    public static Command Create(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The subscription id (see `paperbot subscriptions`)." };
        var command = new Command("unsubscribe", "Remove a subscription.") { id };
        command.SetAction(parse =>
        {
            var value = parse.GetValue(id)!;
            if (!ctx.Get<SubscriptionService>().Remove(value))
            {
                ctx.Err.WriteLine($"error: no subscription '{value}' (see `paperbot subscriptions`)");
                return CliApp.Failed;
            }
            ctx.Out.WriteLine($"removed {value}");
            return CliApp.Ok;
        });
        return command;
    }
}
