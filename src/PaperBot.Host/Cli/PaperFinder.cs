using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Storage;

namespace PaperBot.Host.Cli;

public sealed record FoundPaper(Paper Paper, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>Evaluates one query against stored papers (the match verb), best first, with why each matched.</summary>
public sealed class PaperFinder(IPaperStore store)
{
    public IReadOnlyList<FoundPaper> Find(Query query, DateTimeOffset? since, int limit)
    {
        var found = new List<FoundPaper>();
        foreach (var paper in store.Stream())
        {
            if (since is { } s && (paper.PublishedAt ?? paper.FirstSeenAt) < s) continue;
            if (QueryEvaluator.Evaluate(query, AnalyzedPaper.From(paper)) is { } match) found.Add(new FoundPaper(paper, match.Hits, match.Score));
        }
        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Paper.PublishedAt ?? f.Paper.FirstSeenAt).Take(limit).ToList();
    }
}
