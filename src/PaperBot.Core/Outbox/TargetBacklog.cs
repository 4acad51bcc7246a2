namespace PaperBot.Core.Outbox;

/// <summary>A target's undelivered matches: the best <see cref="Items"/> (one per paper) and how many papers in all.</summary>
public sealed record TargetBacklog(IReadOnlyList<OutboxItem> Items, int Total);
