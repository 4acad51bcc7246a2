using Microsoft.Extensions.Hosting;
using PaperBot.Discord.Interactions;

namespace PaperBot.Discord.Gateway;

/// <summary>Runs the gateway in <c>paperbot run</c> (when <c>Discord:Transport</c> is <c>Gateway</c> and a token is
/// set); on stop, lets the answers in flight finish.</summary>
public sealed class GatewayService(GatewayClient client, InteractionRouter router) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await router.DrainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
