using LiteDB;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Storage.Mapping;

namespace PaperBot.Storage;

/// <summary>
/// Schema 10: a run's papers, scores and reasons move from one BSON array each (P, S, W and the Hits table, as schema 7
/// wrote them) to one binary value (see <see cref="RunColumns"/>), and the index on the target string goes (schema 10
/// indexed a hash of the target instead; schema 12 put the hash in the run's id, so the hash is no longer written
/// here); the items' states (X) and every other field stay. Safe to run again: only documents still holding the arrays
/// are converted.
/// </summary>
internal static class OutboxColumnsMigration
{
    public static void Apply(LiteDatabase db)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        MigrationTransaction.Run(db, "converting the outbox runs to binary columns", () =>
        {
            foreach (var doc in outbox.FindAll().Where(d => d["P"].IsArray).ToList())
            {
                doc["R"] = RunColumns.Encode(EntriesOf(doc));
                foreach (var column in new[] { "Hits", "P", "S", "W" }) doc.Remove(column);
                outbox.Update(doc);
            }
        });
        outbox.DropIndex("Target");
    }

    /// <summary>The entries of a run in the shape schema 7 wrote: P paper ids, S scores, W per item its reason count
    /// then indexes into Hits ([field, text] pairs).</summary>
    private static List<RunEntry> EntriesOf(BsonDocument d)
    {
        var hits = d["Hits"].AsArray.Select(h => new MatchHit(h[0].AsString, h[1].AsString)).ToArray();
        var papers = d["P"].AsArray;
        var scores = d["S"].AsArray;
        var why = d["W"].AsArray;
        var entries = new List<RunEntry>(papers.Count);
        for (int k = 0, w = 0; k < papers.Count; k++)
        {
            var reasons = new MatchHit[why[w++].AsInt32];
            for (var r = 0; r < reasons.Length; r++) reasons[r] = hits[why[w++].AsInt32];
            entries.Add(new RunEntry(PaperId.Parse(papers[k].AsString), reasons, scores[k].AsDouble));
        }
        return entries;
    }
}
