using LiteDB;
using PaperBot.Storage.Mapping;

namespace PaperBot.Storage;

/// <summary>
/// Schema 12: runs are found by their id (<see cref="RunIds"/>) instead of an index on their target's hash (which files
/// at schemas 10 and 11 have). Each run with an older id is written again under a new one, every item and state kept;
/// the hash field and its index go.
/// Safe to run again: only runs still holding an old id or the hash are rewritten.
/// </summary>
internal static class OutboxRunIdsMigration
{
    public static void Apply(LiteDatabase db)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        MigrationTransaction.Run(db, "giving the outbox runs their new ids", () =>
        {
            var ids = RunIds.Open(db.GetCollection(Collections.Settings));
            foreach (var doc in outbox.FindAll().Where(d => !d["_id"].IsInt64 || d.ContainsKey("TargetHash")).ToList())
            {
                var old = doc["_id"];
                doc.Remove("TargetHash");
                if (old.IsInt64)
                {
                    outbox.Update(doc);
                    continue;
                }
                doc["_id"] = ids.Next(doc["Target"].AsString);
                outbox.Delete(old);
                outbox.Insert(doc);
            }
            ids.Save();
        });
        outbox.DropIndex("TargetHash");
    }
}
