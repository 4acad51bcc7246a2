using System.Collections.Concurrent;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Tests.Support;

/// <summary>The REST port as the interaction side uses it: records callbacks and edits, serves the gateway URL.
/// (Rate limits and error codes are the REST client's tests, against the fake Discord server.)</summary>
public sealed class RecordingDiscordRest : IDiscordRestClient
{
    public ConcurrentQueue<(string Id, string Token, InteractionResponse Response)> Callbacks { get; } = new();
    public ConcurrentQueue<(string Token, InteractionResponseData Data)> Edits { get; } = new();

    /// <summary>What <c>GET /gateway/bot</c> answers, in turn (the last repeats).</summary>
    public List<DiscordResult<GatewayBot>> Gateway { get; } = [];
    private int _gatewayCalls;

    public int GatewayCalls => _gatewayCalls;

    public Task<DiscordResult<GatewayBot>> GetGatewayBotAsync(CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _gatewayCalls) - 1;
        return Task.FromResult(Gateway[Math.Min(n, Gateway.Count - 1)]);
    }

    public Task<DiscordResult<NoContent>> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken ct)
    {
        Callbacks.Enqueue((interactionId, interactionToken, response));
        return Task.FromResult(DiscordResult<NoContent>.Success(default));
    }

    public Task<DiscordResult<Message>> EditOriginalResponseAsync(string interactionToken, InteractionResponseData data, CancellationToken ct)
    {
        Edits.Enqueue((interactionToken, data));
        return Task.FromResult(DiscordResult<Message>.Success(new Message { Id = "1", Content = data.Content }));
    }

    public Task<DiscordResult<Message>> CreateMessageAsync(string channelId, MessageCreate message, CancellationToken ct) => throw new NotSupportedException();

    public Task<DiscordResult<Channel>> CreateDmAsync(string userId, CancellationToken ct) => throw new NotSupportedException();

    public Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGlobalCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<DiscordResult<IReadOnlyList<ApplicationCommand>>> OverwriteGuildCommandsAsync(string guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<DiscordResult<Message>> CreateFollowupAsync(string interactionToken, InteractionResponseData data, CancellationToken ct) => throw new NotSupportedException();
}
