using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Incidents;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The LiteDB stores behind every storage port, over one <see cref="LiteDbContext"/> per process, opened on
    /// first use (so <c>--help</c> never touches the file).</summary>
    public static IServiceCollection AddPaperBotStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => LiteDbContext.Open(options.Path));
        services.AddSingleton<IPaperStore, LiteDbPaperStore>();
        services.AddSingleton<ISubscriptionStore, LiteDbSubscriptionStore>();
        services.AddSingleton<IOutbox, LiteDbOutbox>();
        services.AddSingleton<IAlertQueue>(sp => sp.GetRequiredService<IOutbox>());
        services.AddSingleton<ISourceStateStore, LiteDbSourceStateStore>();
        services.AddSingleton<IPaperRetention, LiteDbRetention>();
        services.AddSingleton<ISuppressionList, LiteDbSuppressionList>();
        services.AddSingleton<ISettingsStore, LiteDbSettingsStore>();
        services.AddSingleton<IIncidentStore, LiteDbIncidentStore>();
        return services;
    }
}
