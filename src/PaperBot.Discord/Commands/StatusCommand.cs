using System.Globalization;
using System.Text;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Discord.Commands.Subscribing;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Commands;

/// <summary><c>/status</c>: each source's last success and error, the last ingest, Discord's connection, and the
/// delivery state of your subscriptions and this channel's. Private.</summary>
public sealed class StatusCommand(ISourceStateStore sources, SubscriptionScope scope, IOutbox outbox, DiscordStatus discord, TimeProvider time) : ISlashCommand
{
    public string Name => CommandCatalog.Status;

    public bool IsPrivate(CommandContext context) => true;

    public CommandAnswer Execute(CommandContext c)
    {
        var now = time.GetUtcNow();
        var sb = new StringBuilder("**Sources**\n");
        var states = sources.All();
        if (states.Count == 0) sb.AppendLine("No source has been polled yet.");
        foreach (var s in states.OrderBy(s => s.Source, StringComparer.Ordinal))
        {
            var health = s.ConsecutiveFailures > 0 ? $"❌ failing ({s.ConsecutiveFailures}×): {DiscordText.Safe(s.LastError, 120)}" : "✅";
            sb.AppendLine($"• {DiscordText.Safe(s.Source, 100)} {health} — last success {Ago(s.LastSuccessAt, now)}");
        }
        var lastIngest = states.Select(s => s.LastSuccessAt).Max();
        sb.AppendLine($"Last ingest: {Ago(lastIngest, now)}");

        var connection = discord.Snapshot();
        sb.AppendLine().AppendLine($"**Discord:** {connection.Connection}" + (connection.ConnectionDetail is { } d ? $" ({DiscordText.Safe(d, 120)})" : ""));

        sb.AppendLine().AppendLine("**Subscriptions**");
        var visible = scope.Visible(c);
        if (visible.Count == 0) sb.AppendLine("None here. `/subscribe` adds one.");
        foreach (var target in visible.GroupBy(s => s.Subscriber.TargetKey))
        {
            var waiting = outbox.SinceLastDelivery(target.Key, 0).Total;
            var paused = target.Where(s => s.PausedReason is not null).ToList();
            var where = target.First().Subscriber.Kind == Core.Subscriptions.SubscriberKind.DiscordChannel ? $"<#{target.First().Subscriber.Address}>" : "Your DMs";
            var state = paused.Count > 0
                ? $"⏸️ paused: {DiscordText.Safe(paused[0].PausedReason, 150)}"
                : "✅ delivering";
            sb.AppendLine($"• {where}: {target.Count()} subscription(s), {waiting} paper(s) waiting — {state}");
        }
        return CommandAnswer.Private(sb.ToString().TrimEnd());
    }

    private static string Ago(DateTimeOffset? at, DateTimeOffset now) => at is not { } t ? "never" : (now - t) switch
    {
        var d when d < TimeSpan.FromMinutes(1) => "just now",
        var d when d < TimeSpan.FromHours(1) => $"{(int)d.TotalMinutes} min ago",
        var d when d < TimeSpan.FromDays(2) => $"{(int)d.TotalHours} h ago",
        var d => $"{(int)d.TotalDays} days ago ({t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
    };
}
