using System.Collections.Concurrent;
using PaperBot.Core.Incidents;

namespace PaperBot.Testing.Fakes;

public sealed class InMemoryIncidentStore : IIncidentStore
{
    private readonly ConcurrentDictionary<string, Incident> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), NoticeRecord> _notices = new();

    public IReadOnlyList<Incident> Open() => [.. _open.Values];

    public void Add(Incident incident) => _open[incident.Id] = incident;

    public void Remove(string incidentId)
    {
        _open.TryRemove(incidentId, out _);
        foreach (var key in _notices.Keys.Where(k => k.Item1 == incidentId)) _notices.TryRemove(key, out _);
    }

    public NoticeRecord? FindNotice(string incidentId, string recipient) => _notices.GetValueOrDefault((incidentId, recipient));

    public IReadOnlySet<string> Told(string incidentId) => _notices.Keys.Where(k => k.Item1 == incidentId).Select(k => k.Item2).ToHashSet(StringComparer.Ordinal);

    public void Record(NoticeRecord notice) => _notices[(notice.IncidentId, notice.Recipient)] = notice;

    public int CountNotices(string incidentId) => _notices.Keys.Count(k => k.Item1 == incidentId);
}
