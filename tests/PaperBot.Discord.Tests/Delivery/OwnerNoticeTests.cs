using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Incidents;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing;
using PaperBot.Testing.Discord;
using PaperBot.Testing.Fakes;

namespace PaperBot.Discord.Tests.Delivery;

/// <summary>Owner notices end to end: incidents in a temp LiteDB file, the notifier on a fake clock, the Discord adapter
/// as composed, posting to a fake Discord on loopback.</summary>
public sealed class OwnerNoticeTests : IAsyncLifetime
{
    private const string General = "200000000000000001";
    private const string Lab = "200000000000000002";
    private const string Broken = "200000000000000003";
    private const string Reader = "300000000000000001";
    private const string Creator = "300000000000000002";
    private const string LeakyError = "GET https://feeds.example.org/daily?token=s3cret answered 503 (Service Unavailable)";
    private const string UnknownChannel = "delivery failed permanently at 2026-03-12 08:55Z: unknown channel: it was deleted or the bot cannot see it (Discord 10003)";

    private readonly TestDatabase _db = new();
    private DiscordRig _rig = null!;

    public async Task InitializeAsync() => _rig = await DiscordRig.StartAsync();

    public async Task DisposeAsync()
    {
        await _rig.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task The_owner_notice_is_sent_once_per_channel_and_dm_across_repeated_runs_and_a_restart()
    {
        Subscribe("s-1", Subscriber.DiscordChannel(General, "1"));
        Subscribe("s-2", Subscriber.DiscordChannel(General, "1"), query: "agents");
        Subscribe("s-3", Subscriber.DiscordChannel(Lab, "1"));
        Subscribe("s-4", Subscriber.DiscordUser(Reader));
        Subscribe("s-5", Subscriber.Email("ann@example.org"));
        Subscribe("s-6", Subscriber.DiscordChannel(Broken, "1"), paused: UnknownChannel);
        Failing("huggingface", TimeSpan.FromHours(5));

        var early = await Notifier().RunOnceAsync(CancellationToken.None);
        var postedEarly = _rig.Fake.Messages.Count;
        _db.Time.Advance(TimeSpan.FromHours(2));
        var reports = new List<NoticeReport>();
        for (var run = 0; run < 3; run++) reports.Add(await Notifier().RunOnceAsync(CancellationToken.None));
        _db.Reopen();
        reports.Add(await Notifier().RunOnceAsync(CancellationToken.None));

        Assert.Equal((0, 0), (early.Sent, postedEarly));
        Assert.Equal([3, 0, 0, 0], reports.Select(r => r.Sent));
        var told = _rig.Fake.Messages;
        Assert.Equal(new[] { General, Lab, _rig.Fake.DmChannelOf(Reader) }.Order(StringComparer.Ordinal), told.Select(m => m.ChannelId).Order(StringComparer.Ordinal));
        Assert.All(told, m =>
        {
            Assert.Equal("⚠️ The source huggingface has been failing since 2026-03-12 04:00 UTC (it answers HTTP 503). "
                + "Papers from the other sources keep coming, and alerts from huggingface resume when it recovers.", m.Content);
            Assert.Equal("""{"parse":[]}""", m.Body["allowed_mentions"]!.ToJsonString());
            Assert.Empty(m.Embeds);
        });
        Assert.Empty(_rig.Fake.MessagesIn(Broken));
        var incident = Assert.Single(_db.Incidents.Open(), i => i.Kind == IncidentKind.SourceFailing);
        Assert.Equal(3, _db.Incidents.CountNotices(incident.Id));
    }

    [Fact]
    public async Task A_channel_subscribed_during_an_incident_is_told_at_the_hourly_recheck_while_the_minute_passes_skip_the_told_incident()
    {
        Subscribe("s-1", Subscriber.DiscordChannel(General, "1"));
        Failing("huggingface", TimeSpan.FromHours(7));
        // A new notifier each minute, as the job gets one, sharing the process's passes.
        var passes = new NoticePasses();
        Assert.Equal(1, (await Notifier(passes).RunOnceAsync(CancellationToken.None)).Sent);

        Subscribe("s-2", Subscriber.DiscordChannel(Lab, "1"));
        var sentEachMinute = new List<int>();
        for (var minute = 0; minute < 59; minute++)
        {
            _db.Time.Advance(TimeSpan.FromMinutes(1));
            sentEachMinute.Add((await Notifier(passes).RunOnceAsync(CancellationToken.None)).Sent);
        }
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        var atRecheck = await Notifier(passes).RunOnceAsync(CancellationToken.None);

        Assert.All(sentEachMinute, n => Assert.Equal(0, n));
        Assert.Equal(1, atRecheck.Sent);
        Assert.Single(_rig.Fake.MessagesIn(Lab));
        Assert.Single(_rig.Fake.MessagesIn(General));
    }

    [Fact]
    public async Task A_new_failure_after_the_source_recovered_is_a_new_incident_and_is_told_again()
    {
        Subscribe("s-1", Subscriber.DiscordChannel(General, "1"));
        Failing("arxiv", TimeSpan.FromHours(7));
        await Notifier().RunOnceAsync(CancellationToken.None);

        _db.SourceStates.Put(new SourceState { Source = "arxiv", LastSuccessAt = _db.Time.GetUtcNow(), BaselineRecorded = true });
        await Notifier().RunOnceAsync(CancellationToken.None);
        var afterRecovery = _db.Incidents.Open();
        _db.Time.Advance(TimeSpan.FromHours(1));
        Failing("arxiv", TimeSpan.Zero);
        var tooSoon = await Notifier().RunOnceAsync(CancellationToken.None);
        _db.Time.Advance(TimeSpan.FromHours(6));
        var again = await Notifier().RunOnceAsync(CancellationToken.None);

        Assert.Empty(afterRecovery);
        Assert.Equal(0, tooSoon.Sent);
        Assert.Equal(1, again.Sent);
        Assert.Collection(_rig.Fake.MessagesIn(General),
            first => Assert.Contains("failing since 2026-03-12 02:00 UTC", first.Content, StringComparison.Ordinal),
            second => Assert.Contains("failing since 2026-03-12 10:00 UTC", second.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_to_post_is_tried_again_on_the_next_run_and_not_recorded_as_told()
    {
        Subscribe("s-1", Subscriber.DiscordChannel(General, "1"));
        Failing("arxiv", TimeSpan.FromHours(7));
        _rig.Fake.Inject("^POST /channels/", FakeDiscordFault.ServerError(502));

        var failed = await Notifier().RunOnceAsync(CancellationToken.None);
        var incident = Assert.Single(_db.Incidents.Open());
        var recordAfterFailure = _db.Incidents.FindNotice(incident.Id, Subscriber.DiscordChannel(General, "1").TargetKey);
        var retried = await Notifier().RunOnceAsync(CancellationToken.None);
        var quiet = await Notifier().RunOnceAsync(CancellationToken.None);

        Assert.Equal((0, 1), (failed.Sent, failed.Retrying));
        Assert.Null(recordAfterFailure);
        Assert.Equal((1, 0), (retried.Sent, retried.Retrying));
        Assert.Equal((0, 0), (quiet.Sent, quiet.Retrying));
        Assert.Single(_rig.Fake.MessagesIn(General));
        Assert.Equal(2, _rig.Fake.Requests.Count(r => r.Path == $"/channels/{General}/messages"));
    }

    [Fact]
    public async Task A_paused_channel_is_not_posted_in_and_the_creator_of_its_subscriptions_hears_of_it_once_by_dm()
    {
        _rig.Fake.BreakChannel(Broken, FakeDiscordFault.UnknownChannel());
        Subscribe("s-1", Subscriber.DiscordChannel(Broken, "1"), createdBy: Creator, paused: UnknownChannel);
        Subscribe("s-2", Subscriber.DiscordChannel(Broken, "1"), createdBy: Creator, paused: UnknownChannel, query: "agents");
        // Made from the command line: nobody to tell. A user whose DMs refuse us cannot be told either.
        Subscribe("s-3", Subscriber.DiscordChannel("200000000000000004", "1"), paused: UnknownChannel);
        Subscribe("s-4", Subscriber.DiscordUser(Reader), paused: "delivery failed permanently at 2026-03-12 08:55Z: the user accepts no direct messages from the bot (Discord 50007)");

        await Notifier().RunOnceAsync(CancellationToken.None);
        await Notifier().RunOnceAsync(CancellationToken.None);

        var dm = Assert.Single(_rig.Fake.Messages);
        Assert.Equal(_rig.Fake.DmChannelOf(Creator), dm.ChannelId);
        Assert.Equal($"⚠️ PaperBot cannot post in <#{Broken}>. Alerts for your subscriptions there (“diffusion” (s-1), “agents” (s-2)) are paused "
            + "(delivery failed permanently at 2026-03-12 08:55Z: unknown channel: it was deleted or the bot cannot see it (Discord 10003)). "
            + "Nothing is lost: they wait, and go out once the problem is fixed and the subscriptions are resumed. "
            + "The operator resumes them with `paperbot resume s-1`.", dm.Content);
        Assert.DoesNotContain(_rig.Fake.Requests, r => r.Path.StartsWith($"/channels/{Broken}", StringComparison.Ordinal));
        Assert.Null(_rig.Fake.DmChannelOf(Reader));
        Assert.Equal(3, _db.Incidents.Open().Count);
    }

    [Fact]
    public async Task Hostile_source_names_queries_and_reasons_are_escaped_and_ping_nobody()
    {
        const string source = "@everyone **breaking** <@&42>";
        Subscribe("s-1", Subscriber.DiscordChannel(General, "1"));
        Subscribe("s-2", Subscriber.DiscordChannel(Broken, "1"), createdBy: Creator, query: "@here [free](https://evil.example)",
            paused: "delivery failed permanently at 2026-03-12 08:55Z: `rm` <@123> ||spoiler|| @everyone");
        Failing(source, TimeSpan.FromHours(7));

        await Notifier(source).RunOnceAsync(CancellationToken.None);

        var alert = Assert.Single(_rig.Fake.MessagesIn(General)).Content!;
        var dm = Assert.Single(_rig.Fake.MessagesIn(_rig.Fake.DmChannelOf(Creator)!)).Content!;
        Assert.Contains("@\u200beveryone \\*\\*breaking\\*\\* \\<@\u200b&42>", alert, StringComparison.Ordinal);
        Assert.Contains("“@\u200bhere \\[free\\](https://evil.example)”", dm, StringComparison.Ordinal);
        Assert.Contains("\\`rm\\` \\<@\u200b123> \\|\\|spoiler\\|\\| @\u200beveryone", dm, StringComparison.Ordinal);
        // A mention needs "<@" unescaped, or a bare @everyone / @here: neither is left.
        foreach (var text in new[] { alert, dm })
        {
            Assert.DoesNotMatch("(?<!\\\\)<@|@everyone|@here", text);
        }
        Assert.All(_rig.Fake.Messages, m => Assert.Equal("""{"parse":[]}""", m.Body["allowed_mentions"]!.ToJsonString()));
    }

    private OwnerNotifier Notifier(params string[] sources) => Notifier(new NoticePasses(), sources);

    private OwnerNotifier Notifier(NoticePasses passes, params string[] sources)
    {
        IEnumerable<string> names = sources.Length > 0 ? sources : ["huggingface", "arxiv"];
        var tracker = new IncidentTracker(names.Select(n => new ScriptedSource(n)), _db.SourceStates, _db.Subscriptions, _db.Incidents,
            new OperationsOptions(), _db.Time, NullLogger<IncidentTracker>.Instance);
        return new OwnerNotifier(tracker, _db.Incidents, _db.Subscriptions, [_rig.Get<IOwnerNoticeChannel>()], passes, _db.Time,
            NullLogger<OwnerNotifier>.Instance);
    }

    private void Subscribe(string id, Subscriber to, string? createdBy = null, string? paused = null, string query = "diffusion") =>
        _db.Subscriptions.Add(new Subscription { Id = id, Subscriber = to, Query = query, Confirmed = true, CreatedBy = createdBy, PausedReason = paused });

    private void Failing(string source, TimeSpan failingFor) => _db.SourceStates.Put(new SourceState
    {
        Source = source, ConsecutiveFailures = 3, FailingSince = _db.Time.GetUtcNow() - failingFor, LastErrorAt = _db.Time.GetUtcNow(),
        LastError = LeakyError, BaselineRecorded = true,
    });
}
