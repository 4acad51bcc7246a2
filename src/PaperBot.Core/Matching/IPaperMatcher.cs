using PaperBot.Core.Queries;
using PaperBot.Core.Papers;

namespace PaperBot.Core.Matching;

/// <summary>One subscription matching one paper, with why and how well.</summary>
public sealed record PaperMatch(string SubscriptionId, PaperId PaperId, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>Compares new papers with every active subscription (reverse search).</summary>
public interface IPaperMatcher
{
    IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers);
}
