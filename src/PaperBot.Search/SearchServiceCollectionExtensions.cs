using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Search.Indexing;

namespace PaperBot.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the search index at <paramref name="indexPath"/> (see <see cref="SearchIndex.PathFor"/>), caught up with
    /// the registered <see cref="IPaperStore"/> when first resolved (a rebuild when it is missing, damaged or outdated),
    /// as <see cref="IPaperSearch"/> and <see cref="IPaperIndexer"/>. Needs <see cref="IPaperStore"/>, <see cref="TimeProvider"/> and logging.
    /// </summary>
    public static IServiceCollection AddPaperSearch(this IServiceCollection services, string indexPath)
    {
        services.AddSingleton(provider =>
        {
            var index = SearchIndex.Open(indexPath);
            new PaperIndexer(index, provider.GetRequiredService<IPaperStore>(), provider.GetRequiredService<ILogger<PaperIndexer>>()).CatchUp();
            return index;
        });
        services.AddSingleton<PaperIndexer>();
        services.AddSingleton<IPaperIndexer>(provider => provider.GetRequiredService<PaperIndexer>());
        services.AddSingleton<IPaperSearch, PaperSearch>();
        return services;
    }
}
