using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Email.Delivery;
using PaperBot.Host.Composition;

namespace PaperBot.Host.Delivery;

/// <summary>The console stand-in for the Discord channel.</summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddDiscordPreview(this IServiceCollection services)
    {
        // Until the Discord adapter arrives, Discord posts are printed on the console.
        services.AddSingleton<DiscordPreview>();
        services.AddSingleton<IDeliveryChannel, ConsoleDiscordChannel>();
        return services;
    }
}
