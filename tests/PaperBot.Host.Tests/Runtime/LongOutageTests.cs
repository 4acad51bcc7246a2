using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscribing;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Health;
using PaperBot.Host.Composition;
using PaperBot.Host.Configuration;
using PaperBot.Host.Web.Health;
using PaperBot.Storage;
using PaperBot.Testing;
using PaperBot.Testing.Http;
using PaperBot.Testing.Smtp;

namespace PaperBot.Host.Tests.Runtime;

/// <summary>
/// Outages of hours, in fake time: the real composition (LiteDB, feeds over HTTP, SMTP to an in-process server) driven
/// pass by pass as the scheduler would — sources hourly, notices and dispatch every ten minutes — while the clock
/// jumps. The published process cannot wait hours; this rig can.
/// </summary>
public sealed class LongOutageTests
{
    private const string Reader = "grace@example.org";

    [Fact]
    public async Task A_feed_down_for_eight_hours_turns_stale_then_an_incident_told_once_and_its_paper_arrives_once_when_it_is_back()
    {
        await using var rig = await OutageRig.StartAsync();
        await rig.SubscribeAsync("graph");
        await rig.RunAsync(TimeSpan.FromHours(1)); // baselines
        rig.Journal.Publish("Graph before the outage");
        await rig.RunAsync(TimeSpan.FromHours(1));

        rig.Journal.Down = true;
        var whileDown = rig.Journal.Publish("Graph held up by the outage");
        await rig.RunAsync(TimeSpan.FromMinutes(30)); // one failed poll: a hiccup, not yet stale
        Assert.Equal(HealthStatus.Healthy, (await rig.CheckAsync<SourcesHealthCheck>()).Status);
        await rig.RunAsync(TimeSpan.FromHours(2));
        var stale = await rig.CheckAsync<SourcesHealthCheck>();
        Assert.Equal(HealthStatus.Degraded, stale.Status);
        Assert.Empty(rig.Incidents.Open()); // stale, but not yet failing for Operations:SourceAlertAfter (6 h)

        await rig.RunAsync(TimeSpan.FromHours(4));
        Assert.Equal("journal", Assert.Single(rig.Incidents.Open()).Subject);
        rig.Preprints.Publish("Graph from the working source");
        await rig.RunAsync(TimeSpan.FromHours(1));
        rig.Preprints.Publish("Graph again from the working source");
        await rig.RunAsync(TimeSpan.FromHours(1));

        rig.Journal.Down = false;
        await rig.RunAsync(TimeSpan.FromHours(2));

        var mail = rig.Mail();
        Assert.Equal(["Graph before the outage", "Graph from the working source", "Graph again from the working source", whileDown],
            mail.Select(m => m.Title));
        Assert.Equal(mail.Count, mail.Select(m => m.MessageId).Distinct().Count());
        // The owner hears of the failing source in the next message, once.
        Assert.Equal([false, true, false, false], mail.Select(m => m.Text.Contains("The source journal has been failing", StringComparison.Ordinal)));
        Assert.Empty(rig.Incidents.Open());
        Assert.Equal(HealthStatus.Healthy, (await rig.CheckAsync<SourcesHealthCheck>()).Status);
    }

    [Fact]
    public async Task A_mail_server_deferring_for_five_hours_keeps_the_alert_queued_and_delivers_it_once_when_it_recovers()
    {
        await using var rig = await OutageRig.StartAsync();
        await rig.SubscribeAsync("graph");
        await rig.RunAsync(TimeSpan.FromHours(1));
        rig.Smtp.Script(Reader, SmtpAnswer.Defer);
        rig.Journal.Publish("Graph during the mail outage");

        await rig.RunAsync(TimeSpan.FromHours(5));
        Assert.Empty(rig.Mail());
        var email = await rig.CheckAsync<EmailHealthCheck>();
        Assert.Equal(HealthStatus.Degraded, email.Status);
        Assert.True(Convert.ToInt32(email.Data["consecutive_failures"], CultureInfo.InvariantCulture) >= 5, $"{email.Data["consecutive_failures"]} failures in five hours");
        Assert.Equal(1, rig.OpenItems(Core.Outbox.OutboxStatus.Pending)); // queued for a retry: neither failed nor paused
        Assert.Null(rig.Subscription.PausedReason);

        rig.Smtp.Script(Reader, SmtpAnswer.Defer, times: 1); // one more refusal, then the server is back
        await rig.RunAsync(TimeSpan.FromHours(2));

        Assert.Equal(["Graph during the mail outage"], rig.Mail().Select(m => m.Title));
        Assert.Equal(HealthStatus.Healthy, (await rig.CheckAsync<EmailHealthCheck>()).Status);
        Assert.Equal(0, rig.OpenItems(Core.Outbox.OutboxStatus.Pending));
    }

    /// <summary>Two RSS feeds, an SMTP server and the service's real composition on a fake clock.</summary>
    private sealed class OutageRig : IAsyncDisposable
    {
        private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);
        private readonly TempDirectory _dir = new();
        private readonly FixtureHttpServer _feeds;
        private readonly ServiceProvider _services;

        private OutageRig(FixtureHttpServer feeds, SmtpTestServer smtp)
        {
            _feeds = feeds;
            Smtp = smtp;
            Journal = new Feed("journal", feeds);
            Preprints = new Feed("preprints", feeds);
            var configuration = PaperBotConfiguration.Build(_dir.Path, new Dictionary<string, string?>
            {
                ["Storage:Path"] = _dir.File("data/paperbot.db"),
                ["Sources:HuggingFace:Enabled"] = "false",
                ["Sources:Feeds:0:Name"] = "journal",
                ["Sources:Feeds:0:Url"] = feeds.Url("/journal.rss").ToString(),
                ["Sources:Feeds:0:Schedule"] = "0 0 * * * ?",
                ["Sources:Feeds:1:Name"] = "preprints",
                ["Sources:Feeds:1:Url"] = feeds.Url("/preprints.rss").ToString(),
                ["Sources:Feeds:1:Schedule"] = "0 0 * * * ?",
                ["Sources:Http:RetryCount"] = "0",
                ["Email:From"] = "papers@example.org",
                ["Email:PublicBaseUrl"] = "https://papers.example.org",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Email:Smtp:Security"] = "None",
            }, _dir.File("secrets"));
            var (settings, errors) = PaperBotSettings.Load(configuration);
            Assert.Empty(errors);
            _services = new ServiceCollection().AddLogging().AddPaperBot(settings, Time).BuildServiceProvider();
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero));
        public SmtpTestServer Smtp { get; }
        public Feed Journal { get; }
        public Feed Preprints { get; }
        public IIncidentStore Incidents => _services.GetRequiredService<IIncidentStore>();
        public Subscription Subscription => _services.GetRequiredService<ISubscriptionStore>().All().Single();

        public static async Task<OutageRig> StartAsync() =>
            new(await FixtureHttpServer.StartAsync(), await SmtpTestServer.StartAsync());

        public Task SubscribeAsync(string query)
        {
            Assert.Null(_services.GetRequiredService<SubscriptionService>().Add(new Subscription
            {
                Id = "s1", Subscriber = Subscriber.Email(Reader), Query = query, Confirmed = true, CreatedAt = Time.GetUtcNow(),
            }));
            return Task.CompletedTask;
        }

        /// <summary>Runs the schedule for <paramref name="span"/>: every source on the hour, then notices and a dispatch pass
        /// every ten minutes.</summary>
        public async Task RunAsync(TimeSpan span)
        {
            var ingestion = _services.GetRequiredService<IngestionService>();
            var notifier = _services.GetRequiredService<OwnerNotifier>();
            var dispatch = _services.GetRequiredService<DispatchService>();
            for (var end = Time.GetUtcNow() + span; Time.GetUtcNow() < end; Time.Advance(Step))
            {
                if (Time.GetUtcNow().Minute == 0)
                {
                    foreach (var source in ingestion.SourceNames)
                        await ingestion.RunAsync(source, FetchRequest.Latest, notify: false, CancellationToken.None);
                }
                await notifier.RunOnceAsync(CancellationToken.None);
                await dispatch.RunOnceAsync(CancellationToken.None);
            }
        }

        public async Task<HealthCheckResult> CheckAsync<T>() where T : IHealthCheck =>
            await ActivatorUtilities.CreateInstance<T>(_services).CheckHealthAsync(new HealthCheckContext());

        public int OpenItems(Core.Outbox.OutboxStatus status) =>
            new OutboxCounts(_services.GetRequiredService<LiteDbContext>()).Open()[status];

        public IReadOnlyList<(string Title, string MessageId, string Text)> Mail() =>
        [
            .. Smtp.Messages.Select(m => m.Parse()).Where(m => m.To.ToString().Contains(Reader, StringComparison.Ordinal))
                .Select(m => (Feed.TitleIn(m.TextBody ?? ""), m.MessageId ?? "", m.TextBody ?? "")),
        ];

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync();
            await _feeds.DisposeAsync();
            await Smtp.DisposeAsync();
            _dir.Dispose();
        }
    }

    /// <summary>An RSS feed on the fixture server that can be taken down (503) and given new items.</summary>
    private sealed class Feed
    {
        private readonly List<string> _titles = [];
        private readonly string _name;

        public Feed(string name, FixtureHttpServer server)
        {
            _name = name;
            server.On($"/{name}.rss", _ => Down ? FixtureResponse.Code(503) : Rss());
        }

        public volatile bool Down;

        public string Publish(string title)
        {
            lock (_titles) _titles.Add(title);
            return title;
        }

        /// <summary>The one paper title a single-paper alert carries, "1. Graph …" in the text part.</summary>
        public static string TitleIn(string text) =>
            text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("1. Graph ", StringComparison.Ordinal)).Select(l => l[3..]).Single();

        private FixtureResponse Rss()
        {
            var channel = new XElement("channel", new XElement("title", _name), new XElement("link", $"https://{_name}.example.org/"),
                new XElement("description", "Papers"));
            lock (_titles)
            {
                for (var i = 0; i < _titles.Count; i++)
                {
                    var link = $"https://{_name}.example.org/papers/{i}";
                    channel.Add(new XElement("item", new XElement("title", _titles[i]), new XElement("link", link), new XElement("guid", link),
                        new XElement("description", "About graphs.")));
                }
            }
            var xml = new XDocument(new XElement("rss", new XAttribute("version", "2.0"), channel));
            return FixtureResponse.Bytes(Encoding.UTF8.GetBytes(xml.ToString()), "application/rss+xml; charset=utf-8");
        }
    }
}
