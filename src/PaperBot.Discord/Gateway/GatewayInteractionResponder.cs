using Microsoft.Extensions.Logging;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Interactions.Models;
using PaperBot.Discord.Rest;

namespace PaperBot.Discord.Gateway;

/// <summary>Interactions from the gateway are answered over HTTP: the router's first response goes to the callback
/// route, then any deferred answer follows.</summary>
public sealed class GatewayInteractionResponder(InteractionRouter router, IDiscordRestClient rest, ILogger<GatewayInteractionResponder> log) : IGatewayInteractionSink
{
    /// <summary>The first response is useless after Discord's 3 s; a little margin for a slow network.</summary>
    private static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(5);

    public void Accept(Interaction interaction) => router.Track(RespondAsync(interaction));

    private async Task RespondAsync(Interaction interaction)
    {
        using var timeout = new CancellationTokenSource(CallbackTimeout);
        var routed = await router.RouteAsync(interaction, timeout.Token).ConfigureAwait(false);
        var sent = await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, routed.Initial, timeout.Token).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            InteractionLog.FollowUpFailed(log, interaction.Data?.Name ?? "", interaction.Id, sent.Error!.ToString());
            return;
        }
        router.FollowUp(interaction, routed);
    }
}
