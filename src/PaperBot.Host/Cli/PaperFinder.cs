using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Host.Cli;

public sealed record FoundPaper(Paper Paper, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>Evaluates one query against stored papers (search and match verbs), best first.</summary>
public sealed class PaperFinder(IPaperStore store)
{
    public IReadOnlyList<FoundPaper> Find(string query, DateTimeOffset? since, int limit)
    {
        var found = new List<FoundPaper>();
        foreach (var paper in store.Stream())
        {
            if (since is { } s && (paper.PublishedAt ?? paper.FirstSeenAt) < s) continue;
            if (KeywordMatcher.Evaluate(query, paper) is { } why) found.Add(new FoundPaper(paper, why, why.Count + (paper.Upvotes ?? 0) / 100.0));
        }
        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Paper.PublishedAt ?? f.Paper.FirstSeenAt).Take(limit).ToList();
    }
}
