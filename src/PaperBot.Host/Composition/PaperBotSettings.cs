using Microsoft.Extensions.Configuration;
using PaperBot.Core;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Discord;
using PaperBot.Email;
using PaperBot.Host.Configuration;
using PaperBot.Sources;
using PaperBot.Storage;
using Quartz;

namespace PaperBot.Host.Composition;

/// <summary>Every options section, bound and validated once at start.</summary>
public sealed record PaperBotSettings(
    IConfiguration Configuration,
    StorageOptions Storage,
    SourceSettings Sources,
    DeliveryOptions Delivery,
    EmailOptions Email,
    DiscordOptions Discord,
    WebOptions Web,
    OperationsOptions Operations)
{
    /// <summary>Binds every section; the errors list every bad key at once, so one run shows them all.</summary>
    public static (PaperBotSettings Settings, IReadOnlyList<ConfigurationError> Errors) Load(IConfiguration configuration)
    {
        var loader = new OptionsLoader(configuration);
        var settings = new PaperBotSettings(
            configuration,
            loader.Load<StorageOptions>(),
            SourceSettings.Load(loader),
            loader.Load<DeliveryOptions>(),
            loader.Load<EmailOptions>(),
            loader.Load<DiscordOptions>(),
            loader.Load<WebOptions>(),
            loader.Load<OperationsOptions>());
        var errors = loader.Errors.ToList();
        // Cron syntax is Quartz's, so it is checked here, where Quartz lives.
        errors.AddRange(settings.Sources.Schedules()
            .Where(s => !string.IsNullOrWhiteSpace(s.Cron) && !CronExpression.TryParse(s.Cron, out _))
            .Select(s => new ConfigurationError(s.Key, $"'{s.Cron}' is not a Quartz cron expression (sec min hour day month weekday, e.g. 0 0 * * * ?)")));
        return (settings, errors);
    }
}
