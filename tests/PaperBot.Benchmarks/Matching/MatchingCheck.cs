using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Benchmarks.Matching;

/// <summary>
/// Compares the engine with the single-query evaluator on every (subscription, paper) pair. Shared by the benchmark's
/// <c>--quick</c> mode and a unit test (linked into PaperBot.Core.Tests).
/// </summary>
internal static class MatchingCheck
{
    /// <summary>Differences as "paper: +extra -missing" lines (empty when the engine agrees), and the number of matches.</summary>
    public static (IReadOnlyList<string> Differences, long Matches) Compare(IReadOnlyList<(string Id, string Query)> subscriptions, IReadOnlyList<Paper> papers)
    {
        var index = SubscriptionIndex.Build(subscriptions, out _);
        var queries = subscriptions
            .Select(s => (s.Id, Parsed: QueryParser.Parse(s.Query)))
            .Where(s => s.Parsed.IsSuccess)
            .Select(s => (s.Id, Query: s.Parsed.Query!))
            .ToList();
        var engine = index.Match(papers);
        var differences = new List<string>();
        long matches = 0;
        for (var i = 0; i < papers.Count; i++)
        {
            var analyzed = AnalyzedPaper.From(papers[i]);
            var expected = queries.Where(q => QueryEvaluator.IsMatch(q.Query, analyzed)).Select(q => q.Id).ToHashSet();
            var actual = engine[i].ToHashSet();
            matches += actual.Count;
            if (expected.SetEquals(actual)) continue;
            differences.Add($"{papers[i].Id}: +{string.Join(',', actual.Except(expected))} -{string.Join(',', expected.Except(actual))}");
        }
        return (differences, matches);
    }
}
