using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Delivery;

/// <summary>Tells an owner of an incident in a channel or their DMs, through the same REST client (rate limits,
/// typed errors) and with the same reading of Discord's errors as alerts: transient ones are tried again next pass.</summary>
public sealed class DiscordOwnerNotices(IDiscordRestClient rest, DmChannels dms) : IOwnerNoticeChannel
{
    public bool Serves(SubscriberKind kind) => kind is SubscriberKind.DiscordChannel or SubscriberKind.DiscordUser;

    public async Task<DeliveryResult> SendAsync(OwnerNotice notice, CancellationToken ct)
    {
        var to = notice.Recipient;
        if (!DiscordOptions.IsSnowflake(to.Address)) return new DeliveryResult.Permanent($"'{to.Address}' is not a Discord id");
        var channel = await dms.ChannelForAsync(to, ct).ConfigureAwait(false);
        if (!channel.IsSuccess) return DiscordDeliveryChannel.Map(channel.Error!);
        var posted = await rest.CreateMessageAsync(channel.Value, NoticeRenderer.Render(notice).ToCreate(), ct).ConfigureAwait(false);
        if (posted.IsSuccess) return new DeliveryResult.Sent(posted.Value.Id);
        if (posted.Error is DiscordError.NotFound && to.Kind == SubscriberKind.DiscordUser) dms.Forget(to.Address);
        return DiscordDeliveryChannel.Map(posted.Error!);
    }
}
