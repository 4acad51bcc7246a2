using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;

namespace PaperBot.Discord.Delivery;

/// <summary>
/// With Discord off, <c>demo</c> and <c>deliver</c> print the messages they would post, rendered by the same
/// <see cref="DiscordRenderer"/> — sanitised, mentions defused, within Discord's limits, one nonce per message.
/// It serves nobody until a verb sets <see cref="DiscordPreview.Output"/>.
/// </summary>
public sealed class ConsoleDiscordChannel(DiscordPreview preview) : IDeliveryChannel
{
    public bool Serves(SubscriberKind kind) =>
        preview.Output is not null && kind is SubscriberKind.DiscordChannel or SubscriberKind.DiscordUser;

    public Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var w = preview.Output ?? throw new InvalidOperationException("The Discord preview has no output; it serves nobody.");
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
                if (e.Description is { } description) w.WriteLine("     " + description.ReplaceLineEndings("\n     "));
                foreach (var f in e.Fields ?? []) w.WriteLine($"     {f.Name}: {f.Value}");
            }
        }
        return Task.FromResult<DeliveryResult>(new DeliveryResult.Sent($"{messages.Count} message(s) to {where}"));
    }
}
