using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaperBot.Testing.Fakes;
using PaperBot.Core;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;

namespace PaperBot.Sources.Tests.Fakes;

/// <summary>The real <see cref="SourcesServiceCollectionExtensions.AddPaperSources"/> graph over in-memory settings,
/// with quick retries so tests stay fast.
/// Time is real: the retry pipeline waits on it.</summary>
internal static class SourcesHost
{
    /// <summary>The settings as the host's options loader binds and checks them, over quick-retry defaults.</summary>
    public static (SourceSettings Settings, IReadOnlyList<ConfigurationError> Errors) Load(Dictionary<string, string?> settings)
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
        var loader = new OptionsLoader(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
        return (SourceSettings.Load(loader), loader.Errors);
    }

    /// <summary>What the host would refuse to start with, one "key: problem" line each.</summary>
    public static string Errors(Dictionary<string, string?> settings) => string.Join('\n', Load(settings).Errors);

    public static ServiceProvider Build(Dictionary<string, string?> settings, IngestionFixture? ports = null)
    {
        var (sources, errors) = Load(settings);
        Assert.Empty(errors);
        var services = new ServiceCollection();
        services.AddLogging();
        // The ports the host provides (LiteDB stores, the matcher), faked.
        ports ??= new IngestionFixture();
        services.AddSingleton<IPaperStore>(ports.Store);
        services.AddSingleton<ISourceStateStore>(ports.States);
        services.AddSingleton<IPaperMatcher>(ports.Matcher);
        services.AddSingleton<IAlertQueue>(ports.Outbox);
        services.AddSingleton<PaperBot.Core.Search.IPaperIndexer>(new PaperBot.Testing.NoSearchIndex());
        services.AddSingleton<PaperIntake>();
        services.AddTransient<IngestionService>();
        services.AddPaperSources(sources);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
