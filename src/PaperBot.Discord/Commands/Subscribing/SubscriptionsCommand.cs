using System.Text;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Commands.Subscribing;

/// <summary><c>/subscriptions</c>: yours and this channel's, with their delivery state. Private.</summary>
public sealed class SubscriptionsCommand(SubscriptionScope scope) : ISlashCommand
{
    public string Name => CommandCatalog.Subscriptions;

    public bool IsPrivate(CommandContext context) => true;

    public CommandAnswer Execute(CommandContext c)
    {
        var yours = scope.Yours(c);
        var channel = scope.ThisChannel(c).Where(s => yours.All(y => y.Id != s.Id)).ToList();
        if (yours.Count == 0 && channel.Count == 0)
            return CommandAnswer.Private("No subscriptions yet. Add one with `/subscribe query: …` (see `/help` for queries).");
        var sb = new StringBuilder();
        Section(sb, "**Yours**", yours);
        Section(sb, "**This channel's**", channel);
        return CommandAnswer.Private(sb.ToString().TrimEnd());
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<Subscription> list)
    {
        if (list.Count == 0) return;
        sb.AppendLine(title);
        foreach (var s in list)
        {
            var state = s.PausedReason is { } reason ? $" — ⏸️ paused: {DiscordText.Safe(reason, 150)}" : "";
            sb.AppendLine($"• `{s.Id}` {Code.Span(s.Query, 150)} — {SubscriptionScope.Describe(s)}{state}");
        }
        sb.AppendLine();
    }
}
