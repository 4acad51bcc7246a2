using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Commands.Subscribing;

/// <summary><c>/digest</c>: what your DMs and this channel have matched since their last delivery, best first —
/// a preview; nothing is marked delivered. Private.</summary>
public sealed class DigestCommand(IOutbox outbox, IPaperStore papers) : ISlashCommand
{
    public string Name => CommandCatalog.Digest;

    public bool IsPrivate(CommandContext context) => true;

    public CommandAnswer Execute(CommandContext c)
    {
        var targets = new List<(string Label, Subscriber Target)> { ("your DMs", c.Me) };
        if (c.ThisChannel is { } channel) targets.Add(("this channel", channel));

        var embeds = new List<Embed>();
        var lines = new List<string>();
        foreach (var (label, target) in targets)
        {
            var backlog = outbox.SinceLastDelivery(target.TargetKey, CommandCatalog.MaxPapersPerAnswer - embeds.Count);
            if (backlog.Total == 0)
            {
                lines.Add($"Nothing new for {label} since the last delivery.");
                continue;
            }
            var shown = backlog.Items.Select(i => (Item: i, Paper: papers.Find(i.PaperId))).Where(x => x.Paper is not null).ToList();
            embeds.AddRange(shown.Select(x => DiscordRenderer.PaperEmbed(x.Paper!, x.Item.Why)));
            var more = backlog.Total - shown.Count;
            lines.Add($"**{backlog.Total}** new for {label} since the last delivery" + (more > 0 ? $" ({shown.Count} shown, {more} more)." : "."));
        }
        return CommandAnswer.Private(string.Join("\n", lines), PaperEmbeds.Fit(embeds));
    }
}
