using PaperBot.Core.Outbox;

namespace PaperBot.Core.Delivery;

public enum DispatchOutcome { Sent, Retrying, Failed, NoChannel, EmptySkipped }

/// <summary>What happened to one planned batch in a pass.</summary>
public sealed record BatchOutcome(string BatchId, string Target, BatchKind Kind, int Papers, DispatchOutcome Outcome, string? Detail);

/// <summary>One dispatch pass: each batch's outcome, and the counts <c>paperbot deliver</c> prints.</summary>
public sealed record DispatchReport(IReadOnlyList<BatchOutcome> Batches, int Recovered, IReadOnlyList<string> Paused)
{
    public int Count(DispatchOutcome outcome) => Batches.Count(b => b.Outcome == outcome);

    /// <summary>Papers that reached their target in this pass (shown or counted in "and N more").</summary>
    public int PapersDelivered => Batches.Where(b => b.Outcome == DispatchOutcome.Sent).Sum(b => b.Papers);
}
