using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace PaperBot.Sources.Http;

/// <summary>The HTTP setup every source client shares: base behaviour, User-Agent, resilience.</summary>
internal static class SourceHttpClientBuilderExtensions
{
    /// <summary>User-Agent, decompression, no HttpClient timeout (the pipeline's timeouts rule), and
    /// retries with jittered exponential backoff on 408/429/5xx/timeouts that honour Retry-After.</summary>
    public static IHttpClientBuilder AddSourceDefaults(this IHttpClientBuilder builder, int maxConnectionsPerServer = 4)
    {
        builder.ConfigureHttpClient((sp, client) =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.DefaultRequestHeaders.UserAgent.ParseAdd(sp.GetRequiredService<IOptions<SourceHttpOptions>>().Value.UserAgent());
        });
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = maxConnectionsPerServer,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        });
        builder.AddResilienceHandler("paperbot-sources", (pipeline, context) =>
        {
            var o = context.ServiceProvider.GetRequiredService<IOptions<SourceHttpOptions>>().Value;
            pipeline.AddTimeout(o.TotalTimeout);
            if (o.RetryCount > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.RetryCount,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.RetryBaseDelay,
                    ShouldRetryAfterHeader = true,
                });
            }
            pipeline.AddTimeout(o.Timeout);
        });
        return builder;
    }
}
