using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;

namespace PaperBot.Sources.Tests.Fakes;

/// <summary>The real <see cref="SourcesServiceCollectionExtensions.AddPaperSources"/> graph over in-memory settings,
/// with quick retries so tests stay fast.
/// Time is real: the retry pipeline waits on it.</summary>
internal static class SourcesHost
{
    public static ServiceProvider Build(Dictionary<string, string?> settings, Ingestion.IngestionFixture? ports = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sources:Http:RetryBaseDelay"] = "00:00:00.020",
            ["Sources:Http:Timeout"] = "00:00:05",
            ["Sources:HuggingFace:Enabled"] = "false",
        };
        foreach (var (k, v) in settings)
        {
            if (v is null) all.Remove(k); // null means "not configured": the default applies
            else all[k] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        // The ports the host provides (LiteDB stores, the matcher), faked.
        ports ??= new Ingestion.IngestionFixture();
        services.AddSingleton<IPaperStore>(ports.Store);
        services.AddSingleton<ISourceStateStore>(ports.States);
        services.AddSingleton<IPaperMatcher>(ports.Matcher);
        services.AddSingleton<IAlertQueue>(ports.Outbox);
        services.AddSingleton<PaperBot.Core.Search.IPaperIndexer>(new PaperBot.Testing.NoSearchIndex());
        services.AddPaperSources(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
