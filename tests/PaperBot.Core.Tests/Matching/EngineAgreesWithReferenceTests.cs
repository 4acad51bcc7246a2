using PaperBot.Testing.Corpus;
using PaperBot.Core.Matching;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Tests.Matching;

/// <summary>Property tests: on thousands of random queries and papers the engine finds exactly the reference's matches.</summary>
public class EngineAgreesWithReferenceTests
{
    private static (List<(string Id, Query Query)> Queries, List<Paper> Papers) Corpus(int seed, int queries, int papers)
    {
        var corpus = new RandomCorpus(seed);
        var parsed = new List<(string, Query)>();
        for (var i = 0; parsed.Count < queries; i++)
        {
            var result = QueryParser.Parse(corpus.NextQuery());
            if (result.IsSuccess) parsed.Add(($"s-{i}", result.Query));
        }
        return (parsed, [.. Enumerable.Range(0, papers).Select(corpus.NextPaper)]);
    }

    private static HashSet<string> Expected(IEnumerable<(string Id, Query Query)> queries, Paper paper) =>
        [.. queries.Where(q => ReferenceEvaluator.Matches(q.Query.Root, paper)).Select(q => q.Id)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_engine_returns_exactly_the_reference_matches(int seed)
    {
        var (queries, papers) = Corpus(seed, 2000, 200);
        var index = new SubscriptionIndex();
        foreach (var (id, query) in queries) index.Add(id, query);

        var results = index.Match(papers);

        var matches = 0;
        for (var p = 0; p < papers.Count; p++)
        {
            var expected = Expected(queries, papers[p]);
            Assert.True(expected.SetEquals(results[p]),
                $"paper {p} '{papers[p].Title}' / '{papers[p].Abstract}': extra [{string.Join(", ", results[p].Except(expected).Select(id => queries.First(q => q.Id == id).Query))}] missing [{string.Join(", ", expected.Except(results[p]).Select(id => queries.First(q => q.Id == id).Query))}]");
            matches += expected.Count;
        }
        Assert.True(matches > papers.Count, "the random corpus should produce plenty of matches");
    }

    [Fact]
    public void The_single_query_evaluator_agrees_with_the_reference()
    {
        var (queries, papers) = Corpus(4, 1500, 200);
        foreach (var paper in papers)
        {
            var analyzed = AnalyzedPaper.From(paper);
            foreach (var (_, query) in queries)
                Assert.True(ReferenceEvaluator.Matches(query.Root, paper) == QueryEvaluator.IsMatch(query, analyzed), $"{query} on '{paper.Title}' / '{paper.Abstract}'");
        }
    }

    [Fact]
    public void A_bulk_built_index_matches_like_one_built_by_adding()
    {
        var corpus = new RandomCorpus(5);
        var texts = Enumerable.Range(0, 2000).Select(i => ($"s-{i}", corpus.NextQuery())).ToList();
        var papers = Enumerable.Range(0, 100).Select(corpus.NextPaper).ToList();
        var built = SubscriptionIndex.Build(texts, out var rejected);
        var added = new SubscriptionIndex();
        foreach (var (id, text) in texts)
            if (QueryParser.Parse(text) is { IsSuccess: true } ok) added.Add(id, ok.Query);

        Assert.Equal(texts.Count - rejected.Count, built.Count);
        var a = built.Match(papers);
        var b = added.Match(papers);
        for (var p = 0; p < papers.Count; p++) Assert.True(a[p].ToHashSet().SetEquals(b[p]));
    }

    [Fact]
    public void In_a_bulk_build_the_later_entry_of_a_repeated_id_wins_and_invalid_queries_are_reported()
    {
        var paper = new RandomCorpus(9).NextPaper(0) with { Title = "graph diffusion", Abstract = "" };
        var index = SubscriptionIndex.Build(
            [("s-1", "diffusion"), ("s-2", "graph"), ("s-1", "vision"), ("s-3", "\"unclosed"), ("s-2", "-only"), ("s-4", "graph")],
            out var rejected);

        Assert.Equal(["s-3", "s-2"], rejected.Select(r => r.Id));
        Assert.Equal(2, index.Count);
        Assert.Equal(["s-4"], index.Match(paper));
        Assert.True(index.Remove("s-1"));
        Assert.False(index.Remove("s-2"));
    }

    [Fact]
    public void Removing_and_re_adding_subscriptions_keeps_the_engine_exact()
    {
        var (queries, papers) = Corpus(6, 3000, 150);
        var index = new SubscriptionIndex();
        foreach (var (id, query) in queries) index.Add(id, query);
        var random = new Random(6);
        var live = queries.ToDictionary(q => q.Id, q => q.Query);

        // Remove two thirds (enough to trigger code compaction), replace some queries under existing ids, add new ones.
        foreach (var (id, _) in queries.Where(_ => random.Next(3) > 0))
        {
            Assert.True(index.Remove(id));
            live.Remove(id);
        }
        var (others, _) = Corpus(7, 1000, 0);
        foreach (var (id, query) in others)
        {
            var target = random.Next(2) == 0 && live.Count > 0 ? live.Keys.ElementAt(random.Next(live.Count)) : "new-" + id;
            index.Add(target, query);
            live[target] = query;
        }
        Assert.False(index.Remove("never-added"));
        Assert.Equal(live.Count, index.Count);

        var results = index.Match(papers);
        for (var p = 0; p < papers.Count; p++)
            Assert.True(Expected(live.Select(kv => (kv.Key, kv.Value)), papers[p]).SetEquals(results[p]), $"paper {p}");
    }

    [Fact]
    public void Matching_one_paper_equals_matching_it_in_a_batch()
    {
        var (queries, papers) = Corpus(8, 500, 50);
        var index = new SubscriptionIndex();
        foreach (var (id, query) in queries) index.Add(id, query);
        var batch = index.Match(papers);
        for (var p = 0; p < papers.Count; p++) Assert.Equal(batch[p].Order(), index.Match(papers[p]).Order());
    }
}
