using PaperBot.Testing.Corpus;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

/// <summary>Each segment is searched on its own and the best hits merged: the merged pages must read as one ordered list.</summary>
public sealed class TopHitsAcrossSegmentsTests
{
    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Newest)]
    [InlineData(SearchSort.MostUpvoted)]
    public void PagesMergedFromManySegmentsHoldExactlyTheMatchesInOrderWithoutRepeats(SearchSort sort)
    {
        var corpus = new RandomCorpus(seed: 7);
        // Whole days and few upvote values, so many papers tie on the sort key and the tie-breaks are exercised.
        var papers = corpus.Papers(240).Select((p, i) => p with
        {
            PublishedAt = Papers.Now.AddDays(-(i * 5 % 8)),
            Upvotes = p.Upvotes % 3,
        }).ToList();
        using var search = new SearchFixture();
        foreach (var chunk in papers.Chunk(30)) search.Save(chunk);
        Assert.True(search.Index.Read(s => s.IndexReader.Leaves.Count) > 1, "the papers should sit in several segments");
        var analyzed = papers.Select(AnalyzedPaper.From).ToList();

        var checkedQueries = 0;
        for (var i = 0; i < 80; i++)
        {
            var parsed = QueryParser.Parse(corpus.NextQuery());
            if (!parsed.IsSuccess) continue;
            var expected = analyzed.Where(p => QueryEvaluator.IsMatch(parsed.Query, p)).Select(p => p.Paper.Id).ToHashSet();

            var hits = search.AllPages(parsed.Query, sort, pageSize: 3);

            Assert.Equal(hits.Count, hits.Select(h => h.Id).Distinct().Count());
            Assert.True(expected.SetEquals(hits.Select(h => h.Id)), $"{parsed.Query}: wrong set of papers");
            for (var h = 1; h < hits.Count; h++)
                Assert.True(InOrder(hits[h - 1], hits[h], sort), $"{parsed.Query}: {hits[h - 1].Id} before {hits[h].Id} breaks {sort} order");
            checkedQueries++;
        }
        Assert.True(checkedQueries > 50);
    }

    [Theory]
    [InlineData("ascending")]
    [InlineData("descending")]
    [InlineData("shuffled")]
    public void ASegmentWithFarMoreHitsThanThePageKeepsExactlyTheBestOnes(string order)
    {
        // Far more hits per segment than the page, arriving in date order (the usual case), against it, and shuffled.
        const int count = 1200;
        var ranks = order switch
        {
            "ascending" => Enumerable.Range(0, count).ToArray(),
            "descending" => Enumerable.Range(0, count).Reverse().ToArray(),
            _ => Enumerable.Range(0, count).OrderBy(i => (i * 7919) % count).ToArray(),
        };
        var papers = ranks.Select((rank, i) => Papers.Make(i + 1, $"Diffusion study {i % 13}", "diffusion " + string.Join(' ', Enumerable.Repeat("model", i % 5)),
            upvotes: (rank * 31) % count, published: Papers.Now.AddMinutes(-count + rank))).ToArray();
        using var search = new SearchFixture(papers);

        string[] Expected(Func<Paper, long> key) => [.. papers.OrderByDescending(key).Take(20).Select(p => p.Id.Value)];
        Assert.Equal(Expected(p => p.PublishedAt!.Value.Ticks), search.Ids("diffusion", SearchSort.Newest, limit: 20));
        Assert.Equal(Expected(p => p.Upvotes ?? 0), search.Ids("diffusion", SearchSort.MostUpvoted, limit: 20));
        var deep = search.Search.Search(new SearchRequest { Text = "diffusion", Limit = SearchRequest.MaxLimit });
        Assert.Equal(deep.Hits.Take(20).Select(h => h.Id.Value), search.Ids("diffusion", limit: 20));
        Assert.Equal(count, deep.Total);
    }

    [Fact]
    public void NewestFirstReachesBackToOlderPapersWhenTooFewRecentOnesMatchOrThePageIsDeep()
    {
        // Enough papers that newest first ranks the recent ones first (LeafSearcher.RecentFromDate).
        const int count = 5000;
        static bool Rare(int i) => i < 30 || i == count - 10;
        var papers = Enumerable.Range(0, count).Select(i => Papers.Make(i + 1, $"Common paper {i}", Rare(i) ? "a rare word" : "",
            published: Papers.Now.AddMinutes(i - count))).ToArray();
        using var search = new SearchFixture(papers);
        string[] Newest(IEnumerable<int> indexes) => [.. indexes.OrderDescending().Select(i => Papers.IdOf(i + 1).Value)];

        Assert.Equal(Newest(Enumerable.Range(count - 20, 20)), search.Ids("common", SearchSort.Newest, limit: 20));
        Assert.Equal(Newest(Enumerable.Range(0, count).Where(Rare)).Take(20), search.Ids("rare", SearchSort.Newest, limit: 20));
        var deep = search.Search.Search(new SearchRequest { Text = "common", Sort = SearchSort.Newest, Offset = count - 100, Limit = 100 });
        Assert.Equal(Newest(Enumerable.Range(0, 100)), deep.Hits.Select(h => h.Id.Value));
        Assert.Equal(count, deep.Total);
    }

    [Fact]
    public void ANewUpvoteCountMovesThePaperInTheRankingAtOnce()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Diffusion tokenizers", "Same words here.", upvotes: 10),
            Papers.Make(2, "Diffusion tokenizers", "Same words here.", upvotes: 5));
        Assert.Equal(["2501.00001", "2501.00002"], search.Ids("diffusion", SearchSort.MostUpvoted));
        Assert.Equal(["2501.00001", "2501.00002"], search.Ids("diffusion"));

        search.Save(search.Store.Find(Papers.IdOf(2))! with { Upvotes = 50 });

        Assert.Equal(["2501.00002", "2501.00001"], search.Ids("diffusion", SearchSort.MostUpvoted));
        Assert.Equal(["2501.00002", "2501.00001"], search.Ids("diffusion"));
    }

    private static bool InOrder(SearchHit before, SearchHit after, SearchSort sort)
    {
        var (a, b) = (before.Paper, after.Paper);
        return sort switch
        {
            SearchSort.Newest => Date(a) > Date(b) || (Date(a) == Date(b) && before.Score >= after.Score),
            SearchSort.MostUpvoted => (a.Upvotes ?? 0) > (b.Upvotes ?? 0) || ((a.Upvotes ?? 0) == (b.Upvotes ?? 0) && Date(a) >= Date(b)),
            _ => before.Score >= after.Score,
        };
    }

    private static DateTimeOffset Date(Paper paper) => paper.PublishedAt ?? paper.FirstSeenAt;
}
