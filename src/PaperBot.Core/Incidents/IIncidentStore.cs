namespace PaperBot.Core.Incidents;

/// <summary>The open incidents and who was told of each, kept between runs so that no one is told twice.</summary>
public interface IIncidentStore
{
    IReadOnlyList<Incident> Open();

    void Add(Incident incident);

    /// <summary>The incident is over: it goes, with its notice records.</summary>
    void Remove(string incidentId);

    NoticeRecord? FindNotice(string incidentId, string recipient);

    /// <summary>Everyone with a notice record for the incident, in one read.</summary>
    IReadOnlySet<string> Told(string incidentId);

    /// <summary>Replaces an earlier record for the same incident and recipient.</summary>
    void Record(NoticeRecord notice);

    int CountNotices(string incidentId);
}
