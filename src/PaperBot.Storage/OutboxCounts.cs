using LiteDB;
using PaperBot.Core.Outbox;

namespace PaperBot.Storage;

/// <summary>Outbox items per status, for metrics and /status: one counter document kept in step by every outbox
/// transaction, so reading it never loads items. Sent items leave the outbox (the delivered ledger keeps them), so
/// only the open and failed ones are counted (sent is a counter in metrics).</summary>
public sealed class OutboxCounts(LiteDbContext context)
{
    private const string Key = "items";

    public IReadOnlyDictionary<OutboxStatus, int> Open()
    {
        var doc = context.OutboxCounts.FindById(Key);
        int Read(OutboxStatus s) => doc?[s.ToString()] is { IsNumber: true } v ? v.AsInt32 : 0;
        return new Dictionary<OutboxStatus, int>
        {
            [OutboxStatus.Pending] = Read(OutboxStatus.Pending),
            [OutboxStatus.Sending] = Read(OutboxStatus.Sending),
            [OutboxStatus.Failed] = Read(OutboxStatus.Failed),
        };
    }

    /// <summary>Adds a change to the counters, inside the caller's transaction.</summary>
    internal static void Apply(ILiteCollection<BsonDocument> counts, Tally delta)
    {
        if (delta.IsZero) return;
        var doc = counts.FindById(Key) ?? new BsonDocument { ["_id"] = Key };
        void Add(OutboxStatus s, int n) => doc[s.ToString()] = (doc[s.ToString()].IsNumber ? doc[s.ToString()].AsInt32 : 0) + n;
        Add(OutboxStatus.Pending, delta.Pending);
        Add(OutboxStatus.Sending, delta.Sending);
        Add(OutboxStatus.Failed, delta.Failed);
        counts.Upsert(doc);
    }
}

/// <summary>Open and failed items counted by status; subtracting two gives what a change did.</summary>
internal readonly record struct Tally(int Pending, int Sending, int Failed)
{
    public bool IsZero => Pending == 0 && Sending == 0 && Failed == 0;

    public static Tally Of(IEnumerable<OutboxItem> items)
    {
        int p = 0, s = 0, f = 0;
        foreach (var i in items)
        {
            switch (i.Status)
            {
                case OutboxStatus.Pending: p++; break;
                case OutboxStatus.Sending: s++; break;
                case OutboxStatus.Failed: f++; break;
            }
        }
        return new Tally(p, s, f);
    }

    public static Tally operator +(Tally a, Tally b) => new(a.Pending + b.Pending, a.Sending + b.Sending, a.Failed + b.Failed);
    public static Tally operator -(Tally a, Tally b) => new(a.Pending - b.Pending, a.Sending - b.Sending, a.Failed - b.Failed);
}
