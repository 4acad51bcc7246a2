using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rest;

/// <summary>
/// The Discord REST routes PaperBot uses. Every call goes through the bot-wide rate limiter: it waits out 429s and
/// bucket limits (never drops a request) until <c>ct</c> is cancelled, and answers a typed error otherwise.
/// The application id comes from <c>Discord:ApplicationId</c>.
/// </summary>
public interface IDiscordRestClient
{
    /// <summary><c>POST /channels/{channelId}/messages</c>.</summary>
    Task<DiscordResult<Message>> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken ct);

    /// <summary><c>POST /users/@me/channels</c>: the (existing or new) DM channel with a user.</summary>
    Task<DiscordResult<Channel>> CreateDmAsync(string userId, CancellationToken ct);

    /// <summary><c>GET /gateway/bot</c>.</summary>
    Task<DiscordResult<GatewayBot>> GetGatewayBotAsync(CancellationToken ct);

    /// <summary><c>PUT /applications/{app}/commands</c>: replaces every global command.</summary>
    Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGlobalCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken ct);

    /// <summary><c>PUT /applications/{app}/guilds/{guildId}/commands</c>: instant, for testing in one guild.</summary>
    Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGuildCommandsAsync(string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c> (204). Not bound by the global limit.</summary>
    Task<DiscordResult<NoContent>> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct);

    /// <summary><c>PATCH /webhooks/{app}/{token}/messages/@original</c>: fills in a deferred answer.</summary>
    Task<DiscordResult<Message>> EditOriginalResponseAsync(string interactionToken, InteractionResponseData data, CancellationToken ct);

    /// <summary><c>POST /webhooks/{app}/{token}?wait=true</c>: a follow-up message (valid 15 minutes).</summary>
    Task<DiscordResult<Message>> CreateFollowupAsync(string interactionToken, InteractionResponseData data, CancellationToken ct);
}
