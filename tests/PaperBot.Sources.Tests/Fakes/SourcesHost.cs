using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Storage;

namespace PaperBot.Sources.Tests.Fakes;

/// <summary>The real <see cref="SourcesServiceCollectionExtensions.AddPaperSources"/> graph over in-memory settings,
/// with quick retries so tests stay fast.</summary>
internal static class SourcesHost
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, IPaperStore? store = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:Http:RetryBaseDelay"] = "00:00:00.020",
            ["Sources:Http:Timeout"] = "00:00:05",
            ["Sources:HuggingFace:Enabled"] = "false",
        };
        foreach (var (k, v) in settings) all[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPaperStore>(store ?? new InMemoryPaperStore(TimeProvider.System));
        services.AddPaperSources(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
