using PaperBot.Core.Delivery;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;
using PaperBot.Host.Cli.Output;

namespace PaperBot.Host.Demo;

/// <summary>
/// The demo's delivery pass: prints what the Discord adapter would post and writes each email digest as an .eml
/// file. Reads and marks the same outbox the real dispatcher uses.
/// </summary>
public sealed class DemoDelivery(IOutbox outbox, IPaperStore papers, ISubscriptionStore subscriptions,
    DigestMessageBuilder messages, PickupDirectoryWriter pickup, DeliveryOptions options, TimeProvider time)
{
    public sealed record Summary(int DiscordAlerts, IReadOnlyList<string> EmailFiles);

    public Summary Deliver(TextWriter output)
    {
        var pending = outbox.Pending(10_000);
        var alerts = 0;
        var files = new List<string>();
        foreach (var group in pending.GroupBy(i => i.SubscriptionId))
        {
            if (subscriptions.Find(group.Key) is not { IsActive: true } subscription) continue;
            var entries = group
                .Select(i => papers.Find(i.PaperId) is { } p ? new DigestEntry(p, i.Why, i.Score) : null)
                .OfType<DigestEntry>()
                .ToList();
            var digest = Digest.Create(subscription, entries, options.MaxItemsPerDigest, time.GetUtcNow());
            if (subscription.Subscriber.Kind == SubscriberKind.Email)
                files.Add(pickup.Write(messages.Build(digest)));
            else
                alerts += PrintDiscord(output, digest);
            outbox.MarkSent(group.Select(i => i.Id));
        }
        return new Summary(alerts, files);
    }

    private static int PrintDiscord(TextWriter w, Digest digest)
    {
        var target = digest.Subscription.Subscriber;
        w.WriteLine($"Discord → {(target.Kind == SubscriberKind.DiscordChannel ? "#" + target.Address : "DM " + target.Address)}  (subscription {digest.Subscription.Id}: \"{Mentions(Terminal.Clean(digest.Subscription.Query))}\")");
        foreach (var e in digest.Entries)
        {
            w.WriteLine($"  📄 {Mentions(Terminal.Clean(e.Paper.Title, 256))}");
            if (e.Paper.PrimaryUrl is { } url) w.WriteLine($"     {Terminal.Clean(url)}");
            w.WriteLine($"     matched: {Mentions(Terminal.Clean(string.Join(", ", e.Why.Select(h => $"{h.Text} ({h.Field})").Distinct())))}");
        }
        if (digest.MoreCount > 0) w.WriteLine($"  …and {digest.MoreCount} more");
        return digest.Entries.Count;
    }

    /// <summary>Text from papers must never ping anyone: @everyone, @here and user/role mentions are defused.</summary>
    private static string Mentions(string text) => text.Replace("@", "@\u200b", StringComparison.Ordinal);
}
