using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaperBot.Core;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Http;

namespace PaperBot.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options (validated on start), one <see cref="IPaperSource"/> per enabled source, each with its
    /// own typed HttpClient, and <see cref="IngestionService"/>. The host provides the storage ports
    /// (<see cref="Core.Storage.IPaperStore"/>, <see cref="Core.Storage.ISourceStateStore"/>, <see cref="Core.Storage.IAlertQueue"/>)
    /// and <see cref="Core.Matching.IPaperMatcher"/>, and may replace <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPaperSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Transient like the typed clients it holds, so handler rotation (DNS changes) keeps working; resolve it per run.
        services.TryAddSingleton<PaperIntake>();
        services.TryAddTransient<IngestionService>();
        services.TryAddSingleton<SourceSchedules>();
        services.AddValidatedOptions<SourceHttpOptions>(configuration);
        services.AddValidatedOptions<HuggingFaceOptions>(configuration);
        services.AddValidatedOptions<ArxivOptions>(configuration);
        services.AddValidatedOptions<ArxivRssOptions>(configuration);
        services.AddValidatedOptions<FeedsOptions>(configuration);

        if (IsEnabled(configuration, HuggingFaceOptions.Section, defaultValue: true))
        {
            services.AddHttpClient<HuggingFaceSource>().AddSourceDefaults();
            services.AddTransient<IPaperSource>(sp => sp.GetRequiredService<HuggingFaceSource>());
        }

        if (IsEnabled(configuration, ArxivOptions.Section, defaultValue: false))
        {
            // arXiv's terms: one connection, one request every 3 s across the process — retries included,
            // so the spacing handler sits inside the retry pipeline.
            services.AddKeyedSingleton(PaperSources.Arxiv, (sp, _) =>
                new RequestSpacer(Max(sp.GetRequiredService<IOptions<ArxivOptions>>().Value.MinInterval, ArxivOptions.PoliteInterval), sp.GetRequiredService<TimeProvider>()));
            services.AddHttpClient<ArxivApiSource>()
                .AddSourceDefaults(maxConnectionsPerServer: 1)
                .AddHttpMessageHandler(sp => new SpacingHandler(sp.GetRequiredKeyedService<RequestSpacer>(PaperSources.Arxiv)));
            services.AddTransient<IPaperSource>(sp => sp.GetRequiredService<ArxivApiSource>());
        }

        if (IsEnabled(configuration, ArxivRssOptions.Section, defaultValue: false))
        {
            services.AddHttpClient<ArxivRssSource>().AddSourceDefaults();
            services.AddTransient<IPaperSource>(sp => sp.GetRequiredService<ArxivRssSource>());
        }

        var feeds = configuration.GetSection("Sources:Feeds").Get<List<FeedOptions>>() ?? [];
        if (feeds.Count > 0) services.AddHttpClient(FeedSource.HttpClientName).AddSourceDefaults();
        for (var i = 0; i < feeds.Count; i++)
        {
            var index = i;
            services.AddTransient<IPaperSource>(sp => new FeedSource(
                sp.GetRequiredService<IOptions<FeedsOptions>>().Value.Feeds[index],
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(FeedSource.HttpClientName),
                sp.GetRequiredService<IOptions<SourceHttpOptions>>().Value));
        }
        return services;
    }

    /// <summary>Binds <typeparamref name="T"/> from its section and checks it on start with the same rules the host's
    /// options loader applies (<see cref="IValidatedOptions.Validate"/>).</summary>
    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration) where T : class, IValidatedOptions
    {
        services.AddOptions<T>().Bind(configuration.GetSection(T.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, ValidatedOptionsValidator<T>>());
    }

    private static bool IsEnabled(IConfiguration configuration, string section, bool defaultValue) =>
        configuration.GetSection(section).GetValue("Enabled", defaultValue);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
