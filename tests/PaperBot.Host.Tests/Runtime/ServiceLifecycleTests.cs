using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PaperBot.Core.Delivery;
using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Admin;
using PaperBot.Host.Runtime;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Runtime;

/// <summary><c>run</c> listens before it is ready, and stops on SIGTERM (the host's StopAsync) without losing a send.</summary>
public sealed class ServiceLifecycleTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CliHarness _cli = new();

    public ServiceLifecycleTests()
    {
        _cli.Config["Sources:HuggingFace:Enabled"] = "false";
        _cli.Dir.Write("digest.txt", Digests.Build(12));
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_service_listens_and_reports_starting_while_it_catches_up_and_work_sent_meanwhile_is_done_once_it_is_ready()
    {
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var service = await LiveService.StartAsync(_cli, services => services.AddSingleton(sp =>
        {
            loading.Task.Wait(); // the slow part of starting (at 1M papers: the index rebuild)
            return new SubscriptionMatcher(sp.GetRequiredService<ISubscriptionStore>());
        }), waitUntilReady: false);
        using var http = new HttpClient();

        var starting = await Health(http, service);
        var import = _cli.RunAsync("import", "digest.txt", "--notify");

        Assert.Equal((200, "starting"), starting);
        Assert.Equal(ServiceState.Starting, service.Readiness.State);
        Assert.False(import.IsCompleted);
        loading.SetResult();
        await service.Readiness.WhenReady(CancellationToken.None).WaitAsync(Patience);
        var imported = await import.WaitAsync(Patience);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("12 new", imported.Out, StringComparison.Ordinal);
        Assert.Equal((200, "healthy"), await Health(http, service));
        // Stored once, indexed once.
        Assert.Contains("\"total\": 12", (await _cli.RunAsync("search", "careful", "--json")).Out, StringComparison.Ordinal);
        Assert.Equal(0, (await service.StopAsync()).ExitCode);
    }

    [Fact]
    public async Task A_service_that_cannot_finish_starting_stops_with_exit_code_1()
    {
        var run = LiveService.StartAsync(_cli, services => services.AddSingleton<SubscriptionMatcher>(_ =>
            throw new InvalidOperationException("subscriptions unreadable")), waitUntilReady: false);
        await using var service = await run;

        var stopped = await service.Run.WaitAsync(Patience);

        Assert.Equal(ServiceState.Failed, service.Readiness.State);
        Assert.Equal(1, stopped.ExitCode);
    }

    [Fact]
    public async Task A_start_up_failing_before_the_service_listens_still_stops_with_exit_code_1()
    {
        // The test above, its race forced: start-up fails and asks the host to stop while the server is still binding.
        await using var service = await LiveService.StartAsync(_cli, services => services
            .AddSingleton<SubscriptionMatcher>(_ => throw new InvalidOperationException("subscriptions unreadable"))
            .AddHostedService(sp => new FailingAtOnce(sp)), waitUntilReady: false);

        var stopped = await service.Run.WaitAsync(Patience);

        Assert.Equal(ServiceState.Failed, service.Readiness.State);
        Assert.Equal(1, stopped.ExitCode);
        Assert.False(File.Exists(AdminSocket.PathFor(_cli.DatabasePath)), "the admin socket was left behind");
    }

    [Fact]
    public async Task A_send_in_flight_when_the_service_is_told_to_stop_finishes_and_is_recorded_as_sent()
    {
        await QueueOneAlertAsync();
        var channel = new StallingChannel();
        await using var service = await LiveService.StartAsync(_cli, services => Use(services, channel, TimeSpan.FromSeconds(20)));
        await channel.Started.WaitAsync(Patience);
        // The far end answers only once shutdown has begun: the send is in flight when SIGTERM arrives.
        service.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(channel.Release);

        var stopped = await service.StopAsync();

        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(1, channel.Completed);
        using var db = LiteDbContext.Open(_cli.DatabasePath);
        Assert.Empty(new LiteDbOutbox(db, TimeProvider.System).LoadOpen().Open);
    }

    [Fact]
    public async Task A_send_that_outlasts_the_grace_is_interrupted_stays_claimed_and_goes_out_again_with_the_same_batch_on_the_next_start()
    {
        await QueueOneAlertAsync();
        var channel = new StallingChannel();
        await using var service = await LiveService.StartAsync(_cli, services => Use(services, channel, TimeSpan.FromMilliseconds(100)));
        await channel.Started.WaitAsync(Patience);

        var watch = Stopwatch.StartNew();
        var stopped = await service.StopAsync();

        Assert.Equal(0, stopped.ExitCode);
        Assert.True(watch.Elapsed < LifecycleRegistration.ShutdownTimeout, $"stopping took {watch.Elapsed}");
        Assert.Equal(0, channel.Completed);
        string claimed;
        using (var db = LiteDbContext.Open(_cli.DatabasePath))
        {
            var open = Assert.Single(new LiteDbOutbox(db, TimeProvider.System).LoadOpen().Open);
            Assert.Equal(OutboxStatus.Sending, open.Status);
            claimed = open.Batch!.Id;
        }
        var deliver = await _cli.RunAsync("deliver", "--json");
        using var report = JsonDocument.Parse(deliver.Out);
        var batch = Assert.Single(report.RootElement.GetProperty("batches").EnumerateArray());
        Assert.Equal(claimed, batch.GetProperty("batchId").GetString());
        Assert.Equal("sent", batch.GetProperty("outcome").GetString());
        Assert.Equal(1, report.RootElement.GetProperty("recovered").GetInt32());
    }

    private async Task QueueOneAlertAsync()
    {
        Assert.Equal(0, (await _cli.RunAsync("subscribe", "--discord-channel", "11", "--guild", "22", "--query", "\"topic 7\"")).ExitCode);
        Assert.Contains("1 alerts queued", (await _cli.RunAsync("import", "digest.txt", "--notify")).Out, StringComparison.Ordinal);
    }

    private static void Use(IServiceCollection services, StallingChannel channel, TimeSpan grace)
    {
        services.RemoveAll<IDeliveryChannel>();
        services.AddSingleton<IDeliveryChannel>(channel);
        services.AddSingleton(new ShutdownOptions(grace));
    }

    private static async Task<(int, string?)> Health(HttpClient http, LiveService service)
    {
        using var response = await http.GetAsync(new Uri(service.BaseUri, "/healthz"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, body.RootElement.GetProperty("status").GetString());
    }

    /// <summary>A far end that takes the batch and answers only when released, or never (then only cancellation ends it).</summary>
    private sealed class StallingChannel : IDeliveryChannel
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _completed;

        public Task Started => _started.Task;
        public int Completed => _completed;

        public void Release() => _release.TrySetResult();

        public bool Serves(SubscriberKind kind) => true;

        public async Task<DeliveryResult> SendAsync(DeliveryBatch batch, CancellationToken ct)
        {
            _started.TrySetResult();
            await _release.Task.WaitAsync(ct);
            Interlocked.Increment(ref _completed);
            return new DeliveryResult.Sent("released");
        }
    }

    /// <summary>Fails start-up the moment the host starts its services, before the server has bound.</summary>
    private sealed class FailingAtOnce(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<ServiceReadiness>().MarkFailed("subscriptions unreadable");
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
