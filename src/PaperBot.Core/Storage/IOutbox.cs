using PaperBot.Core.Matching;

namespace PaperBot.Core.Storage;

/// <summary>The delivery ledger: one item per (subscription, paper), written by matching, read by dispatch.</summary>
public interface IOutbox
{
    /// <summary>Adds an item per match unless one exists already; returns how many were added.</summary>
    int Enqueue(IReadOnlyList<PaperMatch> matches);

    /// <summary>Items not yet delivered, oldest first.</summary>
    IReadOnlyList<OutboxItem> Pending(int max);

    void MarkSent(IEnumerable<string> itemIds);
}

public enum OutboxStatus { Pending, Sending, Sent, Failed }

public sealed record OutboxItem
{
    /// <summary><c>{subscriptionId}:{paperId}</c> — unique, so re-matching never adds a second item.</summary>
    public required string Id { get; init; }
    public required string SubscriptionId { get; init; }
    public required Papers.PaperId PaperId { get; init; }
    public IReadOnlyList<MatchHit> Why { get; init; } = [];
    public double Score { get; init; }
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }

    public static string KeyOf(string subscriptionId, Papers.PaperId paperId) => $"{subscriptionId}:{paperId}";
}
