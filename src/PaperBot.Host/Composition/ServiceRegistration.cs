using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core;
using PaperBot.Discord;
using PaperBot.Discord.Interactions;
using PaperBot.Email;
using PaperBot.Host.Web.Links;
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
        services.AddSingleton(settings.Web);
        services.AddSingleton(time);

        services.AddPaperBotCore(settings.Delivery, settings.Operations);
        services.AddPaperBotStorage(settings.Storage);
        services.AddPaperSources(settings.Sources);
        services.AddPaperSearch(SearchIndex.PathFor(settings.Storage.Path));

        services.AddSubscriberLinks(settings);
        services.AddPaperBotEmail(settings.Email);
        services.AddPaperBotDiscord(settings.Discord);
        services.AddPaperBotDiscordInteractions(settings.Discord);
        return services;
    }

    /// <summary>For CLI verbs: logs to stderr, so stdout stays clean for --json.</summary>
    public static ServiceProvider BuildForCli(PaperBotSettings settings, TimeProvider time, TextWriter log) =>
        new ServiceCollection()
            .AddLogging(b => b.AddProvider(new TextWriterLoggerProvider(log)).SetMinimumLevel(LogLevel.Warning))
            .AddPaperBot(settings, time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
