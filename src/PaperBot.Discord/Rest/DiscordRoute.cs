using System.Security.Cryptography;
using System.Text;

namespace PaperBot.Discord.Rest;

/// <summary>
/// One request's route: the path to call, the route key its rate-limit bucket is learned under (major parameters —
/// channel, guild, webhook id + token — kept, others replaced), and the target that 403/404s are counted against.
/// <see cref="Display"/> is what logs and metrics see: never an interaction token.
/// </summary>
public sealed record DiscordRoute(HttpMethod Method, string Path, string Bucket, string Display, string Target, bool Global = true)
{
    public static DiscordRoute CreateMessage(string channelId) => new(HttpMethod.Post, $"channels/{Id(channelId)}/messages",
        $"POST channels/{channelId}/messages", "POST /channels/{channel}/messages", ChannelTarget(channelId));

    /// <summary>What refusals of a channel (a guild channel or a user's DM channel) are counted against.</summary>
    public static string ChannelTarget(string channelId) => "channel:" + channelId;

    public static DiscordRoute CreateDm() => new(HttpMethod.Post, "users/@me/channels", "POST users/@me/channels", "POST /users/@me/channels", "dm");

    public static DiscordRoute GatewayBot() => new(HttpMethod.Get, "gateway/bot", "GET gateway/bot", "GET /gateway/bot", "gateway");

    public static DiscordRoute GlobalCommands(string applicationId) => new(HttpMethod.Put, $"applications/{Id(applicationId)}/commands",
        "PUT applications/commands", "PUT /applications/{app}/commands", "commands");

    public static DiscordRoute GuildCommands(string applicationId, string guildId) => new(HttpMethod.Put,
        $"applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", $"PUT applications/guilds/{guildId}/commands",
        "PUT /applications/{app}/guilds/{guild}/commands", "guild:" + guildId);

    /// <summary>Interaction routes are not bound by the bot's global limit.</summary>
    public static DiscordRoute Callback(string interactionId, string token) => new(HttpMethod.Post,
        $"interactions/{Id(interactionId)}/{Uri.EscapeDataString(token)}/callback", $"POST interactions/{interactionId}/callback",
        "POST /interactions/{id}/{token}/callback", "interaction:" + interactionId, Global: false);

    public static DiscordRoute EditOriginal(string applicationId, string token) => new(HttpMethod.Patch,
        $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}/messages/@original", "PATCH webhooks/" + Hidden(token) + "/@original",
        "PATCH /webhooks/{app}/{token}/messages/@original", "webhook:" + Hidden(token), Global: false);

    public static DiscordRoute Followup(string applicationId, string token) => new(HttpMethod.Post,
        $"webhooks/{Id(applicationId)}/{Uri.EscapeDataString(token)}?wait=true", "POST webhooks/" + Hidden(token),
        "POST /webhooks/{app}/{token}", "webhook:" + Hidden(token), Global: false);

    /// <summary>Snowflakes only: an id from outside never becomes a different path.</summary>
    private static string Id(string id) =>
        DiscordOptions.IsSnowflake(id) ? id : throw new ArgumentException($"'{id}' is not a Discord id (a snowflake of digits).", nameof(id));

    /// <summary>A token keys its own bucket without appearing in memory dumps of keys or in logs.</summary>
    private static string Hidden(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 8));
}
