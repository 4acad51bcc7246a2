using PaperBot.Core.Incidents;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class IncidentStoreTests
{
    [Fact]
    public void Open_incidents_and_who_was_told_survive_a_restart()
    {
        using var db = new TestDatabase();
        var since = db.Time.GetUtcNow().AddHours(-7);
        var incident = Incident.SourceFailing("arxiv", since, "GET x answered 503");
        db.Incidents.Add(incident);
        db.Incidents.Record(new NoticeRecord(incident.Id, "discord-channel:1", since.AddHours(7)));
        db.Incidents.Record(new NoticeRecord(incident.Id, "discord-user:2", since.AddHours(7), "the user accepts no direct messages from the bot (Discord 50007)"));

        db.Reopen();

        Assert.Equal(incident, Assert.Single(db.Incidents.Open()));
        Assert.Equal(new NoticeRecord(incident.Id, "discord-channel:1", since.AddHours(7)), db.Incidents.FindNotice(incident.Id, "discord-channel:1"));
        Assert.Equal("the user accepts no direct messages from the bot (Discord 50007)", db.Incidents.FindNotice(incident.Id, "discord-user:2")!.Failure);
        Assert.Null(db.Incidents.FindNotice(incident.Id, "email:ann@example.org"));
        Assert.Equal(2, db.Incidents.CountNotices(incident.Id));
    }

    [Fact]
    public void An_incident_that_is_over_goes_with_its_notice_records_and_leaves_the_others()
    {
        using var db = new TestDatabase();
        var now = db.Time.GetUtcNow();
        var over = Incident.SourceFailing("arxiv", now.AddHours(-9), "timed out");
        var still = Incident.TargetPaused("discord-channel:1", "delivery failed permanently at 2026-03-12 08:00Z: unknown channel", now);
        db.Incidents.Add(over);
        db.Incidents.Add(still);
        db.Incidents.Record(new NoticeRecord(over.Id, "discord-channel:1", now));
        db.Incidents.Record(new NoticeRecord(still.Id, "discord-user:2", now));

        db.Incidents.Remove(over.Id);

        Assert.Equal(still, Assert.Single(db.Incidents.Open()));
        Assert.Null(db.Incidents.FindNotice(over.Id, "discord-channel:1"));
        Assert.Equal(0, db.Incidents.CountNotices(over.Id));
        Assert.Equal(1, db.Incidents.CountNotices(still.Id));
    }
}
