using Microsoft.Extensions.Configuration;
using PaperBot.Core;
using PaperBot.Core.Delivery;
using PaperBot.Email;
using PaperBot.Host.Configuration;
using PaperBot.Storage;

namespace PaperBot.Host.Composition;

/// <summary>Every options section, bound and validated once at start.</summary>
public sealed record PaperBotSettings(
    IConfiguration Configuration,
    StorageOptions Storage,
    DeliveryOptions Delivery,
    EmailOptions Email,
    DiscordOptions Discord,
    WebOptions Web)
{
    /// <summary>Binds every section; the errors list every bad key at once, so one run shows them all.</summary>
    public static (PaperBotSettings Settings, IReadOnlyList<ConfigurationError> Errors) Load(IConfiguration configuration)
    {
        var loader = new OptionsLoader(configuration);
        var settings = new PaperBotSettings(
            configuration,
            loader.Load<StorageOptions>(),
            loader.Load<DeliveryOptions>(),
            loader.Load<EmailOptions>(),
            loader.Load<DiscordOptions>(),
            loader.Load<WebOptions>());
        return (settings, loader.Errors);
    }
}
