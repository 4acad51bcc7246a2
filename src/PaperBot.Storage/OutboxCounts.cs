using LiteDB;
using PaperBot.Core.Outbox;

namespace PaperBot.Storage;

/// <summary>Outbox items per status, for metrics and /status: counted on the Status index, never by loading items.
/// Sent items grow without bound, so only the open and failed ones are counted (sent is a counter in metrics).</summary>
public sealed class OutboxCounts(LiteDbContext context)
{
    public IReadOnlyDictionary<OutboxStatus, int> Open() => new Dictionary<OutboxStatus, int>
    {
        [OutboxStatus.Pending] = Count(OutboxStatus.Pending),
        [OutboxStatus.Sending] = Count(OutboxStatus.Sending),
        [OutboxStatus.Failed] = Count(OutboxStatus.Failed),
    };

    private int Count(OutboxStatus status) => context.Outbox.Count(Query.EQ("Status", status.ToString()));
}
