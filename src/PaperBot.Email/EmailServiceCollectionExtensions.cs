using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Delivery;
using PaperBot.Email.Delivery;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;

namespace PaperBot.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The email channel: with no SMTP host, digests are written to the pickup folder as .eml files.</summary>
    public static IServiceCollection AddPaperBotEmail(this IServiceCollection services, EmailOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<DigestMessageBuilder>();
        services.AddSingleton(_ => new PickupDirectoryWriter(options.PickupDirectory));
        if (string.IsNullOrWhiteSpace(options.Smtp.Host)) services.AddSingleton<IDeliveryChannel, PickupEmailChannel>();
        return services;
    }
}
