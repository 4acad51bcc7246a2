using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord;
using PaperBot.Email;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;
using PaperBot.Host.Delivery;
using PaperBot.Sources;
using PaperBot.Search;
using PaperBot.Search.Indexing;
using PaperBot.Storage;

namespace PaperBot.Host.Composition;

/// <summary>The composition root: which implementation serves each port. Shared by the CLI verbs and <c>run</c>.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddPaperBot(this IServiceCollection services, PaperBotSettings settings, TimeProvider time)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Storage);
        services.AddSingleton(settings.Delivery);
        services.AddSingleton(settings.Email);
        services.AddSingleton(settings.Web);
        services.AddSingleton(time);

        // One LiteDatabase per process, opened on first use (so --help never touches the file).
        services.AddSingleton(_ => LiteDbContext.Open(settings.Storage.Path));
        services.AddSingleton<IPaperStore, LiteDbPaperStore>();
        services.AddSingleton<ISubscriptionStore, LiteDbSubscriptionStore>();
        services.AddSingleton<IOutbox, LiteDbOutbox>();
        services.AddSingleton<IAlertQueue>(sp => sp.GetRequiredService<IOutbox>());
        services.AddSingleton<ISourceStateStore, LiteDbSourceStateStore>();
        services.AddSingleton<ISettingsStore, LiteDbSettingsStore>();

        services.AddSingleton<SubscriptionMatcher>();
        services.AddSingleton<IPaperMatcher>(sp => sp.GetRequiredService<SubscriptionMatcher>());
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<PaperIntake>();
        services.AddPaperSources(settings.Configuration);
        services.AddPaperSearch(SearchIndex.PathFor(settings.Storage.Path));

        services.AddSingleton<DigestMessageBuilder>();
        services.AddSingleton(_ => new PickupDirectoryWriter(settings.Email.PickupDirectory));
        services.AddDelivery(settings);
        services.AddPaperBotDiscord(settings.Discord);
        return services;
    }

    /// <summary>For CLI verbs: logs to stderr, so stdout stays clean for --json.</summary>
    public static ServiceProvider BuildForCli(PaperBotSettings settings, TimeProvider time, TextWriter log) =>
        new ServiceCollection()
            .AddLogging(b => b.AddProvider(new TextWriterLoggerProvider(log)).SetMinimumLevel(LogLevel.Warning))
            .AddPaperBot(settings, time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
