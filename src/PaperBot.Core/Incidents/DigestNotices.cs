using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Incidents;

/// <summary>
/// Email owners hear of an incident in their next message: a source failing (it affects everyone), or a pause of
/// their own address that was not the address's fault (when it was, no message reaches them anyway). Each incident
/// appears in one message per address: the channel records it once that message was accepted.
/// </summary>
public sealed class DigestNotices(IIncidentStore incidents, TimeProvider time)
{
    /// <summary>The lines of the open incidents <paramref name="target"/> has not been told of yet, oldest first.</summary>
    public IReadOnlyList<(Incident Incident, string Line)> PendingFor(Subscriber target) =>
    [
        .. incidents.Open()
            .Where(i => i.Kind == IncidentKind.SourceFailing || i.Subject == target.TargetKey)
            .Where(i => incidents.FindNotice(i.Id, target.TargetKey) is null)
            .OrderBy(i => i.Since)
            .Select(i => (i, i.Kind == IncidentKind.SourceFailing ? IncidentText.SourceFailing(i) : IncidentText.Paused(i, "your other subscriptions at this address"))),
    ];

    /// <summary>A message carrying these lines was accepted for <paramref name="target"/>.</summary>
    public void Told(IEnumerable<Incident> shown, Subscriber target)
    {
        var now = time.GetUtcNow();
        foreach (var i in shown) incidents.Record(new NoticeRecord(i.Id, target.TargetKey, now));
    }
}
