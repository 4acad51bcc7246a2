using PaperBot.Core.Papers;

namespace PaperBot.Core.Outbox;

public enum BatchKind { Alert, Digest }

/// <summary>The batch an item was claimed for: fixed once claimed, so every retry is the same message.</summary>
public sealed record BatchRef(string Id, string SubscriptionId, BatchKind Kind);

/// <summary>A batch as the store sees it: who it goes to and which items it settles.</summary>
public sealed record BatchClaim(BatchRef Batch, string Target, IReadOnlyList<string> ItemIds, IReadOnlyList<PaperId> Papers);
