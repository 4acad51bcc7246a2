using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.RateLimiting;

namespace PaperBot.Discord.Delivery;

/// <summary>On <c>paperbot resume</c>: the channel (or the user's DM channel) is called again at once instead of after
/// the limiter's suspension, and no longer counts as refusing in /healthz.</summary>
internal sealed class DiscordTargetResume(RateLimiter limiter, DmChannels dms, DiscordStatus status) : ITargetResumeListener
{
    public void Resumed(Subscriber target)
    {
        switch (target.Kind)
        {
            case SubscriberKind.DiscordChannel:
                limiter.Forget(DiscordRoute.ChannelTarget(target.Address));
                break;
            case SubscriberKind.DiscordUser:
                if (dms.Cached(target.Address) is { } channel) limiter.Forget(DiscordRoute.ChannelTarget(channel));
                break;
            default:
                return;
        }
        status.TargetResumed(target.TargetKey);
    }
}
