using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using PaperBot.Discord.Commands;
using PaperBot.Discord.Delivery;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.RateLimiting;

namespace PaperBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Discord asks bots to name themselves so: <c>DiscordBot ($url, $versionNumber)</c>.</summary>
    public static readonly string UserAgent =
        $"DiscordBot (https://github.com/paperbot/paperbot, {typeof(DiscordOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    private const string HttpClientName = "discord";

    /// <summary>
    /// The Discord adapter: options, live status, metrics and the <c>discord</c> health check; with <c>Discord:Token</c>
    /// set the REST client and the delivery channel, otherwise the console preview that only <c>demo</c> and
    /// <c>deliver</c> turn on.
    /// </summary>
    public static IServiceCollection AddPaperBotDiscord(this IServiceCollection services, DiscordOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton<DiscordStatus>();
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>("discord");
        if (!options.Enabled)
        {
            services.AddSingleton<DiscordPreview>();
            services.AddSingleton<IDeliveryChannel, ConsoleDiscordChannel>();
            return services;
        }

        // One long-lived client (the limiter's state is bot-wide); pooled connections are recycled for DNS changes.
        // No request logging: webhook paths carry interaction tokens.
        services.AddHttpClient(HttpClientName, http =>
            {
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton(new RateLimitSettings());
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<IDiscordRestClient>(sp => new DiscordRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<RateLimiter>(), options,
            sp.GetRequiredService<DiscordStatus>(), sp.GetRequiredService<DiscordMetrics>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton<CommandRegistration>();
        services.AddHostedService<RegisterCommandsOnStart>();
        services.AddSingleton<DmChannels>();
        services.AddSingleton<IDeliveryChannel, DiscordDeliveryChannel>();
        services.AddSingleton<ITargetResumeListener, DiscordTargetResume>();
        return services;
    }
}
