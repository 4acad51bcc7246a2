using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscribing;
using PaperBot.Discord.Interactions;
using PaperBot.Discord.Interactions.Models;
using PaperBot.Discord.Rest;
using PaperBot.Discord.Rest.Models;
using PaperBot.Search;
using PaperBot.Search.Indexing;
using PaperBot.Testing;

namespace PaperBot.Discord.Tests.Support;

/// <summary>The interaction side as the host wires it, over a temp LiteDB file, a real search index, a fake clock and
/// a recording REST port.</summary>
public sealed class InteractionRig : IDisposable
{
    public InteractionRig(DiscordTransport transport = DiscordTransport.Http, Action<IServiceCollection>? configure = null)
    {
        Options = new DiscordOptions { Token = "bot-token", ApplicationId = "1000", PublicKey = Signer.PublicKeyHex, Transport = transport };
        var services = AddTo(new ServiceCollection().AddLogging());
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Router = Services.GetRequiredService<InteractionRouter>();
    }

    /// <summary>Everything the interaction side needs, over this rig's database, clock and REST port.</summary>
    public IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Db.Time);
        services.AddSingleton<IPaperStore>(Db.Papers);
        services.AddSingleton<ISubscriptionStore>(Db.Subscriptions);
        services.AddSingleton<IOutbox>(Db.Outbox);
        services.AddSingleton<ISourceStateStore>(Db.SourceStates);
        services.AddSingleton<IIncidentStore>(Db.Incidents);
        services.AddSingleton<SubscriptionMatcher>();
        services.AddSingleton<SubscriptionService>();
        services.AddPaperSearch(SearchIndex.PathFor(Db.Path));
        services.AddSingleton(new DeliveryOptions());
        services.AddSingleton<DiscordStatus>();
        services.AddSingleton<IDiscordRestClient>(Rest);
        services.AddSingleton(Options);
        return services.AddPaperBotDiscordInteractions(Options);
    }

    public TestDatabase Db { get; } = new();
    public FakeTimeProvider Time => Db.Time;
    public RecordingDiscordRest Rest { get; } = new();
    public DiscordOptions Options { get; }
    public ServiceProvider Services { get; }
    public InteractionRouter Router { get; }

    /// <summary>Stores and indexes papers, as ingestion does.</summary>
    public void Store(params Paper[] papers)
    {
        var result = Db.Papers.Save(papers, PaperSources.Arxiv);
        Services.GetRequiredService<IPaperIndexer>().Index([.. result.New, .. result.Updated]);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Routes an interaction as a transport does, and waits for its follow-up, if any.</summary>
    public async Task<InteractionResponse> SendAsync(Interaction interaction)
    {
        var routed = await Router.RouteAsync(interaction, CancellationToken.None);
        Router.FollowUp(interaction, routed);
        await Router.DrainAsync();
        return routed.Initial;
    }

    public void Dispose()
    {
        Services.Dispose();
        Db.Dispose();
    }
}
