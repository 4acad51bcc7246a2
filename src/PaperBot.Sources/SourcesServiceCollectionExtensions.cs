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
    /// Registers the bound, validated options (<see cref="SourceSettings.Load"/>) and one <see cref="IPaperSource"/>
    /// per enabled source, each with its own typed HttpClient. The Core services that use them
    /// (<see cref="IngestionService"/>) come from <c>AddPaperBotCore</c>; the host may replace <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPaperSources(this IServiceCollection services, SourceSettings settings)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(Options.Create(settings.Http));
        services.AddSingleton(Options.Create(settings.HuggingFace));
        services.AddSingleton(Options.Create(settings.Arxiv));
        services.AddSingleton(Options.Create(settings.ArxivRss));
        services.AddSingleton(Options.Create(settings.Feeds));

        if (settings.HuggingFace.Enabled)
        {
            services.AddHttpClient<HuggingFaceSource>().AddSourceDefaults();
            services.AddTransient<IPaperSource>(sp => sp.GetRequiredService<HuggingFaceSource>());
        }

        if (settings.Arxiv.Enabled)
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

        if (settings.ArxivRss.Enabled)
        {
            services.AddHttpClient<ArxivRssSource>().AddSourceDefaults();
            services.AddTransient<IPaperSource>(sp => sp.GetRequiredService<ArxivRssSource>());
        }

        var feeds = settings.Feeds.Feeds;
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
