using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Subscribing;

namespace PaperBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The domain services: matching, subscribing, intake and ingestion, dispatch. The adapters provide the ports
    /// (<c>AddPaperBotStorage</c>, <c>AddPaperSources</c>, <c>AddPaperSearch</c>, the delivery and notice channels).
    /// </summary>
    public static IServiceCollection AddPaperBotCore(this IServiceCollection services, DeliveryOptions delivery, OperationsOptions? operations = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(delivery);
        services.AddSingleton(operations ?? new OperationsOptions());
        services.AddSingleton<SubscriptionMatcher>();
        services.AddSingleton<IPaperMatcher>(sp => sp.GetRequiredService<SubscriptionMatcher>());
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<PaperIntake>();
        // Transient like the typed clients of the sources it holds, so handler rotation (DNS changes) keeps working.
        services.AddTransient<IngestionService>();
        services.AddSingleton(_ => new RetryPolicy(Random.Shared));
        services.AddSingleton<DispatchService>();
        services.AddSingleton<PausedTargets>();
        services.AddSingleton<Storage.RetentionService>();
        // Transient like IngestionService: the tracker holds the sources (typed HTTP clients) to know which are enabled.
        services.AddTransient<IncidentTracker>();
        services.AddTransient<OwnerNotifier>();
        services.AddSingleton<NoticePasses>();
        services.AddSingleton<DigestNotices>();
        return services;
    }
}
