using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void AddPaperSearchGivesASearchAndAnIndexerOverAnIndexCaughtUpWithTheStore()
    {
        using var folder = new TempFolder();
        var store = InMemoryPaperStore.Replacing();
        store.Save([Papers.Make(1, "Diffusion models")], "test");
        var services = new ServiceCollection()
            .AddSingleton<IPaperStore>(store)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddPaperSearch(Path.Combine(folder.Path, "paperbot.db.search"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var search = provider.GetRequiredService<IPaperSearch>();
        provider.GetRequiredService<IPaperIndexer>().Index(store.Save([Papers.Make(2, "Diffusion again")], "test").New.ToList());

        Assert.Equal(2, search.Search(SearchRequest.For("diffusion")).Total);
    }
}
