using PaperBot.Core.Queries;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Matching;

/// <summary>One subscription matching one paper, with why and how well. A value, not an object: a day at a million
/// subscriptions is ~9M of them in one list, which as objects the collector copied and traced on every pass.</summary>
public readonly record struct PaperMatch(string SubscriptionId, PaperId PaperId, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>Compares new papers with every active subscription (reverse search).</summary>
public interface IPaperMatcher
{
    IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers);
}
