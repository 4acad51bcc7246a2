using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Delivery;
using PaperBot.Core.Storage;
using PaperBot.Discord.Delivery;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.RateLimiting;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Logging;

namespace PaperBot.Discord.Tests.Support;

/// <summary>The Discord adapter as the service composes it (AddPaperBotDiscord), pointed at a fake Discord on loopback,
/// with its log lines and its meter's measurements recorded.</summary>
public sealed class DiscordRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterRecorder _meters;

    private DiscordRig(FakeDiscordServer fake, ServiceProvider services, LogSink log)
    {
        Fake = fake;
        Log = log;
        _services = services;
        services.GetRequiredService<DiscordMetrics>();
        _meters = new MeterRecorder(services.GetRequiredService<IMeterFactory>());
    }

    public FakeDiscordServer Fake { get; }
    public LogSink Log { get; }
    public IDiscordRestClient Rest => _services.GetRequiredService<IDiscordRestClient>();
    public IDeliveryChannel Channel => _services.GetRequiredService<IEnumerable<IDeliveryChannel>>().Single();
    public DiscordStatus Status => _services.GetRequiredService<DiscordStatus>();
    internal RateLimiter Limiter => _services.GetRequiredService<RateLimiter>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public long Measured(string instrument, string? tag = null) => (long)_meters.Sum(instrument, tag);

    internal static async Task<DiscordRig> StartAsync(RateLimitSettings? settings = null, string token = FakeDiscordServer.Token)
    {
        var fake = await FakeDiscordServer.StartAsync();
        var log = new LogSink();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ISettingsStore, MemorySettings>()
            .AddPaperBotDiscord(new DiscordOptions { Token = token, ApplicationId = FakeDiscordServer.ApplicationId, ApiBaseUrl = fake.ApiBaseUrl });
        if (settings is not null) services.AddSingleton(settings);
        return new DiscordRig(fake, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), log);
    }

    public async ValueTask DisposeAsync()
    {
        _meters.Dispose();
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
