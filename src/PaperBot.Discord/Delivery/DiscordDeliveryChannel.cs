using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Delivery;

/// <summary>
/// Posts alerts and digests to a Discord channel or a user's DMs: ten embeds a message at most, each message with a
/// <c>nonce</c> derived from the batch's idempotency key and <c>enforce_nonce</c>, so a batch re-sent after a crash or
/// a failed later part is not posted twice. Discord's errors become transient (try later) or permanent (the target
/// pauses, and nothing more is posted there: the REST client also stops calling a target that keeps refusing).
/// </summary>
public sealed class DiscordDeliveryChannel(IDiscordRestClient rest, DmChannels dms, DiscordStatus status, DiscordMetrics metrics) : IDeliveryChannel
{
    /// <summary>Our own rendering bug or an unknown answer: keep the items and look again much later.</summary>
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(15);

    public bool Serves(SubscriberKind kind) => kind is SubscriberKind.DiscordChannel or SubscriberKind.DiscordUser;

    public async Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
    {
        var target = batch.Subscriber;
        if (!DiscordOptions.IsSnowflake(target.Address)) return new DeliveryResult.Permanent($"'{target.Address}' is not a Discord id");
        var where = target.Kind == SubscriberKind.DiscordChannel ? "#" + target.Address : "DM " + target.Address;

        var channel = await dms.ChannelForAsync(target, ct).ConfigureAwait(false);
        if (!channel.IsSuccess) return Failed(target, channel.Error!);
        var channelId = channel.Value;

        var ids = new List<string>();
        foreach (var message in DiscordRenderer.Render(batch))
        {
            var posted = await rest.CreateMessageAsync(channelId, message.ToCreate(), ct).ConfigureAwait(false);
            if (!posted.IsSuccess)
            {
                if (posted.Error is DiscordError.NotFound && target.Kind == SubscriberKind.DiscordUser) dms.Forget(target.Address);
                return Failed(target, posted.Error!);
            }
            ids.Add(posted.Value.Id);
            metrics.MessageDelivered();
        }
        status.TargetResumed(target.TargetKey);
        return new DeliveryResult.Sent($"{ids.Count} message(s) to {where}: {string.Join(", ", ids)}");
    }

    private DeliveryResult Failed(Subscriber target, DiscordError error)
    {
        var result = Map(error);
        if (result is DeliveryResult.Permanent permanent) status.TargetSuspended(target.TargetKey, permanent.Reason);
        return result;
    }

    internal static DeliveryResult Map(DiscordError error) => error switch
    {
        DiscordError.Transient t => new DeliveryResult.Transient(t.Message, t.RetryAfter),
        DiscordError.TargetSuspended s => Map(s.Last),
        DiscordError.CannotMessageUser => new DeliveryResult.Permanent("the user accepts no direct messages from the bot (Discord 50007)"),
        DiscordError.NotFound e => new DeliveryResult.Permanent($"unknown channel: it was deleted or the bot cannot see it (Discord {e.Code})"),
        DiscordError.NoAccess e => new DeliveryResult.Permanent(
            $"the bot may not post there (Discord {e.Code}): give it View Channel, Send Messages and Embed Links"),
        // The token is the bot's problem, not the target's: nothing pauses, everything waits.
        DiscordError.Unauthorized => new DeliveryResult.Transient("Discord rejected the bot token; fix Discord:Token", Later),
        DiscordError.InvalidFormBody e => new DeliveryResult.Transient("Discord rejected the message: " + string.Join("; ", e.FieldErrors.Select(f => $"{f.Key}: {f.Value}")), Later),
        _ => new DeliveryResult.Transient(error.ToString(), Later),
    };
}
