
namespace PaperBot.Core.Queries;

/// <summary>Why a query matched a paper (the words it found and where) and how well (<see cref="MatchScoring"/>).</summary>
public sealed record MatchExplanation(IReadOnlyList<MatchHit> Hits, double Score);
