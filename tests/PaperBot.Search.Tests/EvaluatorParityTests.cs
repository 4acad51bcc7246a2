using PaperBot.Testing.Corpus;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

public sealed class EvaluatorParityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SearchMatchesExactlyThePapersTheQueryEvaluatorMatchesForManyRandomQueries(int seed)
    {
        var corpus = new RandomCorpus(seed);
        var papers = corpus.Papers(300);
        using var search = new SearchFixture([.. papers]);
        var analyzed = papers.Select(AnalyzedPaper.From).ToList();
        var (checkedQueries, matchingQueries) = (0, 0);

        for (var i = 0; i < 400; i++)
        {
            var text = corpus.NextQuery();
            var parsed = QueryParser.Parse(text);
            if (!parsed.IsSuccess) continue;
            var expected = analyzed.Where(p => QueryEvaluator.IsMatch(parsed.Query, p)).Select(p => p.Paper.Id.Value).Order(StringComparer.Ordinal);

            var actual = search.AllPages(parsed.Query).Select(h => h.Id.Value).Order(StringComparer.Ordinal);

            Assert.True(expected.SequenceEqual(actual),
                $"query {text} (parsed {parsed.Query}): evaluator [{string.Join(' ', expected)}], search [{string.Join(' ', actual)}]");
            checkedQueries++;
            if (actual.Any()) matchingQueries++;
        }
        Assert.True(checkedQueries > 300, $"only {checkedQueries} queries parsed");
        Assert.True(matchingQueries > 100, $"only {matchingQueries} queries matched anything");
    }
}
