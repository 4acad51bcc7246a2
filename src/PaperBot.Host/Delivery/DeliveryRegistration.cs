using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Host.Composition;

namespace PaperBot.Host.Delivery;

/// <summary>The dispatcher and the channels it hands batches to.</summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, PaperBotSettings settings)
    {
        services.AddSingleton(_ => new RetryPolicy(Random.Shared));
        services.AddSingleton<DiscordPreview>();
        // The email channel comes from AddPaperBotEmail. Until the Discord adapter arrives, Discord posts on the console.
        services.AddSingleton<IDeliveryChannel, ConsoleDiscordChannel>();
        services.AddSingleton<DispatchService>();
        services.AddSingleton<PausedTargets>();
        return services;
    }
}
