using System.CommandLine;
using PaperBot.Core.Delivery;

namespace PaperBot.Host.Cli.Verbs;

/// <summary><c>paperbot resume ID</c>: clears a pause after a permanent delivery failure was fixed.</summary>
public static class ResumeVerb
{
    public static Command Create(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "A paused subscription (see `paperbot subscriptions`)." };
        var command = new Command("resume", "Resume a paused subscription and the other subscriptions of its target; their failed alerts are queued again.") { id };
        command.SetAction(parse =>
        {
            var value = parse.GetValue(id)!;
            if (ctx.Get<PausedTargets>().Resume(value) is not { } result)
            {
                ctx.Err.WriteLine($"error: no subscription '{value}' (see `paperbot subscriptions`)");
                return CliApp.Failed;
            }
            ctx.Out.WriteLine((result.Resumed.Count == 0
                ? $"{value} was not paused; {result.Requeued} failed alerts queued again"
                : $"resumed {string.Join(", ", result.Resumed)}; {result.Requeued} failed alerts queued again")
                + (result.Unsuppressed ? "; the address is off the suppression list" : ""));
            return CliApp.Ok;
        });
        return command;
    }
}
