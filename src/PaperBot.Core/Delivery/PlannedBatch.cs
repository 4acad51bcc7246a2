using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Delivery;

/// <summary>One paper for one target: every open item of that target for it, with their reasons merged.</summary>
public sealed record PlannedEntry(PaperId PaperId, IReadOnlyList<OutboxItem> Items, IReadOnlyList<MatchHit> Why, double Score, DateTimeOffset CreatedAt)
{
    public IEnumerable<string> ItemIds => Items.Select(i => i.Id);
}

/// <summary>A batch the planner decided to send now; papers not yet loaded (the planner is pure and works on ids).</summary>
public sealed record PlannedBatch(BatchRef Batch, string Target, IReadOnlyList<PlannedEntry> Shown, IReadOnlyList<PlannedEntry> Overflow, int Attempts)
{
    public IEnumerable<PlannedEntry> Entries => Shown.Concat(Overflow);

    public BatchClaim Claim() => new(Batch, Target,
        Entries.SelectMany(e => e.ItemIds).ToList(), Entries.Select(e => e.PaperId).ToList());
}
