namespace PaperBot.Core.Queries;

/// <summary>Where a query term hit a paper: the field and the words as they appear there (for highlighting).</summary>
public sealed record MatchHit(string Field, string Text);
