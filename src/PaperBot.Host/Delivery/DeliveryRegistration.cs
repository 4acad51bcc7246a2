using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Email.Delivery;
using PaperBot.Host.Composition;

namespace PaperBot.Host.Delivery;

/// <summary>The dispatcher and the channels it hands batches to.</summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, PaperBotSettings settings)
    {
        services.AddSingleton(_ => new RetryPolicy(Random.Shared));
        // Until the SMTP adapter arrives: .eml files in the pickup folder. Discord's channel comes with AddPaperBotDiscord.
        if (string.IsNullOrWhiteSpace(settings.Email.Smtp.Host)) services.AddSingleton<IDeliveryChannel, PickupEmailChannel>();
        services.AddSingleton<DispatchService>();
        services.AddSingleton<PausedTargets>();
        return services;
    }
}
