using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Discord.Delivery;
using PaperBot.Discord.Interactions;

namespace PaperBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// The Discord adapter: options, live status and its <c>discord</c> health check; with <c>Discord:Token</c> set the
    /// REST client and the delivery channel, otherwise the console preview that only <c>demo</c> and <c>deliver</c> turn on.
    /// </summary>
    public static IServiceCollection AddPaperBotDiscord(this IServiceCollection services, DiscordOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DiscordStatus>();
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>("discord");
        services.AddSingleton<DiscordPreview>();
        services.AddSingleton<IDeliveryChannel, ConsoleDiscordChannel>();
        if (options.Enabled) services.AddDiscordInteractions(options);
        return services;
    }
}
