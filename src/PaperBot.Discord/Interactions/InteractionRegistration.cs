using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Commands.Papers;
using PaperBot.Discord.Commands.Subscribing;
using PaperBot.Discord.Gateway;

namespace PaperBot.Discord.Interactions;

public static class InteractionRegistration
{
    /// <summary>With <c>Discord:Token</c> set: the commands, the router, and the transport <c>Discord:Transport</c>
    /// names — the HTTP endpoint (mapped by Host) or the gateway (a hosted service, run by <c>paperbot run</c>).
    /// Apart from <c>AddPaperBotDiscord</c> because the commands need Core's services, the search and the stores.</summary>
    public static IServiceCollection AddPaperBotDiscordInteractions(this IServiceCollection services, DiscordOptions options)
    {
        if (!options.Enabled) return services;
        services.AddMetrics();
        services.TryAddSingleton<DiscordStatus>();
        services.TryAddSingleton<DiscordMetrics>();
        services.AddSingleton<SubscriptionScope>();
        services.AddSingleton<SearchSessions>();
        services.AddSingleton<SubscribeCommand>();
        services.AddSingleton<UnsubscribeCommand>();
        services.AddSingleton<LatestCommand>();
        services.AddSingleton<SearchCommand>();
        services.AddSingleton<ISlashCommand>(sp => sp.GetRequiredService<SubscribeCommand>());
        services.AddSingleton<ISlashCommand>(sp => sp.GetRequiredService<UnsubscribeCommand>());
        services.AddSingleton<ISlashCommand, SubscriptionsCommand>();
        services.AddSingleton<ISlashCommand>(sp => sp.GetRequiredService<SearchCommand>());
        services.AddSingleton<ISlashCommand>(sp => sp.GetRequiredService<LatestCommand>());
        services.AddSingleton<ISlashCommand, TrendingCommand>();
        services.AddSingleton<ISlashCommand, PaperCommand>();
        services.AddSingleton<ISlashCommand, DigestCommand>();
        services.AddSingleton<ISlashCommand, StatusCommand>();
        services.AddSingleton<ISlashCommand, HelpCommand>();
        services.AddSingleton<IAutocompleteCommand>(sp => sp.GetRequiredService<SubscribeCommand>());
        services.AddSingleton<IAutocompleteCommand>(sp => sp.GetRequiredService<UnsubscribeCommand>());
        services.AddSingleton<IAutocompleteCommand>(sp => sp.GetRequiredService<LatestCommand>());
        services.AddSingleton<IComponentHandler>(sp => sp.GetRequiredService<SearchCommand>());
        services.AddSingleton<InteractionRouter>();

        if (options.Transport == DiscordTransport.Http)
        {
            services.AddSingleton(sp => new InteractionSignature(options.PublicKey, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<InteractionEndpoint>();
        }
        else
        {
            services.AddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
            services.AddSingleton<IGatewayInteractionSink, GatewayInteractionResponder>();
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<GatewayClient>(sp, Random.Shared));
            services.AddHostedService<GatewayService>();
        }
        return services;
    }
}
