using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;

namespace PaperBot.Host.Cli;

public sealed record FoundPaper(Paper Paper, IReadOnlyList<MatchHit> Why, double Score);

/// <summary>
/// The match verb: which stored papers a query matches, best first, with why. The search index finds the candidates
/// (a scan of every stored paper took about 40 s at 1M); the query evaluator, which decides subscriptions, then
/// confirms and explains each one, so the answers are the matcher's own.
/// </summary>
public sealed class PaperFinder(IPaperSearch search)
{
    public IReadOnlyList<FoundPaper> Find(Query query, DateTimeOffset? since, int limit)
    {
        var found = new List<FoundPaper>();
        // Pages in a stable order (newest first) until the index has no more hits.
        for (var offset = 0; ; offset += SearchRequest.MaxLimit)
        {
            var page = search.Search(new SearchRequest { Query = query, Since = since, Sort = SearchSort.Newest, Offset = offset, Limit = SearchRequest.MaxLimit });
            foreach (var hit in page.Hits)
            {
                if (QueryEvaluator.Evaluate(query, AnalyzedPaper.From(hit.Paper)) is { } match) found.Add(new FoundPaper(hit.Paper, match.Hits, match.Score));
            }
            if (page.Hits.Count < SearchRequest.MaxLimit || offset + page.Hits.Count >= page.Total) break;
        }
        return found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Paper.PublishedAt ?? f.Paper.FirstSeenAt)
            .ThenBy(f => f.Paper.Id.Value, StringComparer.Ordinal).Take(limit).ToList();
    }
}
