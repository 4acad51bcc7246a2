using Microsoft.Extensions.DependencyInjection;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Tokens;
using PaperBot.Host.Composition;

namespace PaperBot.Host.Web.Links;

/// <summary>Signed subscriber links, for the web pages and for every mail that prints them (CLI verbs included).</summary>
public static class LinksRegistration
{
    public static IServiceCollection AddSubscriberLinks(this IServiceCollection services, PaperBotSettings settings)
    {
        // The secret is read (or generated) on first use, so verbs that never print a link never touch the data folder.
        services.AddSingleton(sp => new SignedTokens(
            TokenSecretFile.Load(settings.Web, Path.GetDirectoryName(settings.Storage.Path)!), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISubscriberLinks>(sp => new SubscriberLinks(sp.GetRequiredService<SignedTokens>(), new Uri(settings.Email.PublicBaseUrl)));
        return services;
    }
}
