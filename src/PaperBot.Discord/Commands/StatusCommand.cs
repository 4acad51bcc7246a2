using System.Globalization;
using System.Text;
using PaperBot.Core.Incidents;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Commands.Subscribing;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Commands;

/// <summary><c>/status</c>: each source's last success and error, the last ingest, the open incidents (sources failing
/// too long, and pauses of targets you can see), Discord's connection, and the delivery state of your subscriptions and
/// this channel's. Private.</summary>
public sealed class StatusCommand(ISourceStateStore sources, SubscriptionScope scope, IOutbox outbox, IIncidentStore incidents, DiscordStatus discord,
    TimeProvider time) : ISlashCommand
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

        var visible = scope.Visible(c);
        AppendIncidents(sb, visible);

        var connection = discord.Snapshot();
        sb.AppendLine().AppendLine($"**Discord:** {connection.Connection}" + (connection.ConnectionDetail is { } d ? $" ({DiscordText.Safe(d, 120)})" : ""));

        sb.AppendLine().AppendLine("**Subscriptions**");
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

    private void AppendIncidents(StringBuilder sb, IReadOnlyList<Subscription> visible)
    {
        var targets = visible.Select(s => s.Subscriber).DistinctBy(s => s.TargetKey).ToDictionary(s => s.TargetKey, StringComparer.Ordinal);
        var open = incidents.Open()
            .Where(i => i.Kind == IncidentKind.SourceFailing || targets.ContainsKey(i.Subject))
            .OrderBy(i => i.Since)
            .ToList();
        if (open.Count == 0) return;
        sb.AppendLine().AppendLine("**Incidents**");
        foreach (var i in open)
        {
            sb.AppendLine(i.Kind == IncidentKind.SourceFailing
                ? "• ⚠️ " + DiscordText.Safe(IncidentText.SourceFailing(i), 400)
                : $"• ⏸️ Alerts to {Place(targets[i.Subject])} paused since {IncidentText.When(i.Since)}");
        }
    }

    private static string Place(Subscriber s) => s.Kind == SubscriberKind.DiscordChannel ? $"<#{s.Address}>" : "your DMs";

    private static string Ago(DateTimeOffset? at, DateTimeOffset now) => at is not { } t ? "never" : (now - t) switch
    {
        var d when d < TimeSpan.FromMinutes(1) => "just now",
        var d when d < TimeSpan.FromHours(1) => $"{(int)d.TotalMinutes} min ago",
        var d when d < TimeSpan.FromDays(2) => $"{(int)d.TotalHours} h ago",
        var d => $"{(int)d.TotalDays} days ago ({t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
    };
}
