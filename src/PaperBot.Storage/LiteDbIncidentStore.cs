using LiteDB;
using PaperBot.Core.Incidents;
using PaperBot.Storage.Mapping;
using static PaperBot.Storage.Mapping.PaperMapping;

namespace PaperBot.Storage;

/// <summary>Open incidents (<c>incidents</c>, keyed by id) and who was told of each (<c>incident_notices</c>, keyed by
/// incident and recipient, indexed by incident so an incident's records go with it).</summary>
public sealed class LiteDbIncidentStore(LiteDbContext context) : IIncidentStore
{
    public IReadOnlyList<Incident> Open() => [.. context.Incidents.FindAll().Select(d => new Incident(
        d["_id"].AsString, Enum.Parse<IncidentKind>(d["Kind"].AsString), d["Subject"].AsString, Date(d["Since"]), d["Detail"].AsString))];

    public void Add(Incident incident) => WriteTransaction.Run(context, "an incident", () => context.Incidents.Upsert(BsonText.Whole(new BsonDocument
    {
        ["_id"] = incident.Id,
        ["Kind"] = incident.Kind.ToString(),
        ["Subject"] = incident.Subject,
        ["Since"] = Date(incident.Since),
        ["Detail"] = incident.Detail,
    })));

    public void Remove(string incidentId) => WriteTransaction.Run(context, "ending an incident", () =>
    {
        context.IncidentNotices.DeleteMany(Query.EQ("IncidentId", incidentId));
        context.Incidents.Delete(incidentId);
    });

    public NoticeRecord? FindNotice(string incidentId, string recipient) =>
        context.IncidentNotices.FindById(Key(incidentId, recipient)) is { } d
            ? new NoticeRecord(incidentId, recipient, Date(d["At"]), NullableString(d["Failure"]))
            : null;

    public IReadOnlySet<string> Told(string incidentId) =>
        context.IncidentNotices.Find(Query.EQ("IncidentId", incidentId)).Select(d => d["Recipient"].AsString).ToHashSet(StringComparer.Ordinal);

    public void Record(NoticeRecord notice)
    {
        var doc = new BsonDocument
        {
            ["_id"] = Key(notice.IncidentId, notice.Recipient),
            ["IncidentId"] = notice.IncidentId,
            ["Recipient"] = notice.Recipient,
            ["At"] = Date(notice.At),
        };
        Set(doc, "Failure", notice.Failure);
        WriteTransaction.Run(context, "an incident notice", () => context.IncidentNotices.Upsert(BsonText.Whole(doc)));
    }

    public int CountNotices(string incidentId) => context.IncidentNotices.Count(Query.EQ("IncidentId", incidentId));

    // A line feed appears in neither part: ids are built from names and target keys on one line.
    private static string Key(string incidentId, string recipient) => incidentId + "\n" + recipient;
}
