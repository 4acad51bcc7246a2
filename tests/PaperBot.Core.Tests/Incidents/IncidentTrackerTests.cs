using Microsoft.Extensions.Logging.Abstractions;
using PaperBot.Core.Incidents;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing;
using PaperBot.Testing.Fakes;

namespace PaperBot.Core.Tests.Incidents;

public sealed class IncidentTrackerTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private IncidentTracker Tracker(params string[] enabled) => new(enabled.Select(n => new ScriptedSource(n)), _db.SourceStates, _db.Subscriptions,
        _db.Incidents, new OperationsOptions { SourceAlertAfter = TimeSpan.FromHours(6) }, _db.Time, NullLogger<IncidentTracker>.Instance);

    private void Failing(string source, TimeSpan failingFor) => _db.SourceStates.Put(new SourceState
    {
        Source = source, ConsecutiveFailures = 2, FailingSince = _db.Time.GetUtcNow() - failingFor, LastError = "timed out",
    });

    [Fact]
    public void A_source_is_an_incident_once_it_has_failed_for_the_configured_time_and_only_while_enabled()
    {
        Failing("huggingface", TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Failing("rss", TimeSpan.FromHours(6));
        Failing("arxiv", TimeSpan.FromDays(3));

        var open = Tracker("huggingface", "rss").Refresh();

        var incident = Assert.Single(open);
        Assert.Equal((IncidentKind.SourceFailing, "rss", _db.Time.GetUtcNow().AddHours(-6)), (incident.Kind, incident.Subject, incident.Since));
        Assert.Equal(open, _db.Incidents.Open());
    }

    [Fact]
    public void A_paused_target_is_one_incident_whatever_its_number_of_subscriptions_and_it_ends_on_resume()
    {
        var channel = Subscriber.DiscordChannel("200000000000000001", "1");
        const string reason = "delivery failed permanently at 2026-03-12 08:00Z: unknown channel";
        foreach (var id in new[] { "s-1", "s-2" })
            _db.Subscriptions.Add(new Subscription { Id = id, Subscriber = channel, Query = "q", Confirmed = true, PausedReason = reason });

        var paused = Tracker().Refresh();
        _db.Time.Advance(TimeSpan.FromHours(1));
        var later = Tracker().Refresh();
        foreach (var s in _db.Subscriptions.All()) _db.Subscriptions.Update(s with { PausedReason = null });
        var resumed = Tracker().Refresh();

        var incident = Assert.Single(paused);
        Assert.Equal((IncidentKind.TargetPaused, channel.TargetKey, reason), (incident.Kind, incident.Subject, incident.Detail));
        Assert.Equal(paused, later);
        Assert.Empty(resumed);
        Assert.Empty(_db.Incidents.Open());
    }
}
