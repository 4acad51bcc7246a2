using PaperBot.Core.Delivery;
using PaperBot.Core.Delivery.Discord;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Host.Delivery;

/// <summary>
/// Stands in for the Discord adapter (a later issue): prints the messages it would post, rendered by the same
/// <see cref="DiscordRenderer"/> — sanitised, mentions defused, within Discord's limits, one nonce per message.
/// </summary>
public sealed class ConsoleDiscordChannel(DiscordPreview preview) : IDeliveryChannel
{
    public bool Serves(SubscriberKind kind) => kind is SubscriberKind.DiscordChannel or SubscriberKind.DiscordUser;

    public Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var w = preview.Output;
        var target = batch.Subscriber;
        var where = target.Kind == SubscriberKind.DiscordChannel ? "#" + target.Address : "DM " + target.Address;
        var messages = DiscordRenderer.Render(batch);
        foreach (var m in messages)
        {
            w.WriteLine($"Discord → {where}  (subscription {batch.Subscription.Id}, nonce {m.Nonce})");
            if (m.Content.Length > 0) w.WriteLine("  " + m.Content.ReplaceLineEndings("\n  "));
            foreach (var e in m.Embeds)
            {
                w.WriteLine($"  📄 {e.Title}");
                if (e.Url is { } url) w.WriteLine($"     {url}");
                w.WriteLine("     " + e.Description.ReplaceLineEndings("\n     "));
            }
        }
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent($"{messages.Count} message(s) to {where}"));
    }
}
