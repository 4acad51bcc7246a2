using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

public sealed class RankingTests
{
    [Fact]
    public void APaperWithTheWordInItsTitleRanksAboveOneWithItOnlyInItsAbstract()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Speech recognition at scale", "We revisit tokenizers for diffusion and speech."),
            Papers.Make(2, "Diffusion tokenizers", "We revisit tokenizers for speech and audio."));

        Assert.Equal(["2501.00002", "2501.00001"], search.Ids("diffusion"));
    }

    [Fact]
    public void TheSameWordsRankHigherInTheTitleThanInTheAbstract()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Speech tokenizers", "We revisit diffusion for audio."),
            Papers.Make(2, "Diffusion tokenizers", "We revisit speech for audio."));

        Assert.Equal(["2501.00002", "2501.00001"], search.Ids("diffusion"));
        Assert.Equal(["2501.00001", "2501.00002"], search.Ids("speech"));
    }

    [Fact]
    public void UpvotesLiftAnOtherwiseEqualMatch()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Diffusion tokenizers", "Same words here."),
            Papers.Make(2, "Diffusion tokenizers", "Same words here.", upvotes: 120));

        Assert.Equal(["2501.00002", "2501.00001"], search.Ids("diffusion"));
    }

    [Fact]
    public void SortingByUpvotesPutsTheMostUpvotedFirstWhateverTheRelevance()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Diffusion diffusion diffusion", "diffusion", upvotes: 3),
            Papers.Make(2, "Other", "a note on diffusion", upvotes: 50),
            Papers.Make(3, "Diffusion", "", upvotes: null));

        Assert.Equal(["2501.00002", "2501.00001", "2501.00003"], search.Ids("diffusion", SearchSort.MostUpvoted));
    }

    [Fact]
    public void SortingByDateUsesThePublicationDateAndTheFirstSeenDateWhenItIsUnknown()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Diffusion one", published: Papers.Now.AddDays(-3)),
            Papers.Make(2, "Diffusion two", published: Papers.Now.AddDays(-1)),
            Papers.Make(3, "Diffusion three", firstSeen: Papers.Now.AddDays(-2)));

        Assert.Equal(["2501.00002", "2501.00003", "2501.00001"], search.Ids("diffusion", SearchSort.Newest));
    }

    [Fact]
    public void SinceKeepsOnlyPapersFromThatDateOn()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Diffusion one", published: Papers.Now.AddDays(-10)),
            Papers.Make(2, "Diffusion two", published: Papers.Now.AddDays(-1)));

        Assert.Equal(["2501.00002"], search.Ids("diffusion", since: Papers.Now.AddDays(-2)));
    }

    [Fact]
    public void WithoutAQueryARequestBrowsesEveryPaperOfItsDateRangeUnmarked()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Diffusion **one**", published: Papers.Now.AddDays(-3)),
            Papers.Make(2, "Robots two", published: Papers.Now.AddDays(-2).AddHours(1)),
            Papers.Make(3, "Agents three", published: Papers.Now.AddDays(-2).AddHours(5)),
            Papers.Make(4, "Speech four", published: Papers.Now.AddDays(-1)));

        var day = search.Search.Search(new SearchRequest { Since = Papers.Now.AddDays(-2), Until = Papers.Now.AddDays(-1), Sort = SearchSort.Newest });
        var all = search.Search.Search(new SearchRequest { Sort = SearchSort.Newest });

        Assert.True(day.IsSuccess);
        Assert.Equal(["2501.00003", "2501.00002"], day.Hits.Select(h => h.Id.Value));
        Assert.Equal(4, all.Total);
        Assert.Equal("Diffusion **one**", all.Hits[^1].Title);
    }

    [Fact]
    public void PagesFollowEachOtherWithoutGapsOrRepeatsAndReportTheTotal()
    {
        using var search = new SearchFixture([.. Enumerable.Range(1, 45).Select(n => Papers.Make(n, $"Diffusion paper {n}", published: Papers.Now.AddHours(-n)))]);

        var pages = Enumerable.Range(0, 3)
            .Select(page => search.Search.Search(new SearchRequest { Text = "diffusion", Sort = SearchSort.Newest, Offset = page * 20, Limit = 20 }))
            .ToList();

        Assert.All(pages, p => Assert.Equal(45, p.Total));
        Assert.Equal([20, 20, 5], pages.Select(p => p.Hits.Count));
        Assert.Equal(Enumerable.Range(1, 45).Select(n => Papers.IdOf(n)), pages.SelectMany(p => p.Hits).Select(h => h.Id));
    }

    [Fact]
    public void TheLimitIsCapped()
    {
        using var search = new SearchFixture([.. Enumerable.Range(1, 150).Select(n => Papers.Make(n, "Diffusion"))]);

        var results = search.Search.Search(new SearchRequest { Text = "diffusion", Limit = 100_000 });

        Assert.Equal(SearchRequest.MaxLimit, results.Hits.Count);
        Assert.Equal(150, results.Total);
    }

    [Fact]
    public void APageBeyondTheDepthLimitIsEmptyButStillCountsTheMatches()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"), Papers.Make(2, "Diffusion"));

        var results = search.Search.Search(new SearchRequest { Text = "diffusion", Offset = PaperSearch.MaxDepth + 5 });

        Assert.Empty(results.Hits);
        Assert.Equal(2, results.Total);
    }

    [Theory]
    [InlineData("title:(diffusion")]
    [InlineData("-survey")]
    [InlineData("")]
    [InlineData("a*")]
    public void ABadQueryComesBackAsTheLanguagesPositionedErrorNotAnException(string query)
    {
        var position = QueryParser.Parse(query).Error!.Position;
        using var search = new SearchFixture(Papers.Make(1, "Diffusion"));

        var results = search.Search.Search(SearchRequest.For(query));

        Assert.False(results.IsSuccess);
        Assert.Equal(position, results.Error!.Position);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void LuceneSyntaxInAQueryIsJustWords()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion title"), Papers.Make(2, "Other"));

        Assert.Empty(search.Ids("diffusion~2 AND title^4"));
        Assert.Equal(["2501.00001"], search.Ids("diffusion~ title^"));
    }

    [Fact]
    public void LatestIsNewestFirstAndCanBeLimitedToOneSource()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "One", published: Papers.Now.AddDays(-3)),
            Papers.Make(2, "Two", published: Papers.Now.AddDays(-1), source: "huggingface"),
            Papers.Make(3, "Three", published: Papers.Now.AddDays(-2)));

        Assert.Equal(["2501.00002", "2501.00003", "2501.00001"], search.Search.Latest(10).Select(p => p.Id.Value));
        Assert.Equal(["2501.00003", "2501.00001"], search.Search.Latest(10, "arxiv").Select(p => p.Id.Value));
    }

    [Fact]
    public void TrendingIsTheMostUpvotedOfTheLastDays()
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Old but loved", upvotes: 500, published: Papers.Now.AddDays(-30)),
            Papers.Make(2, "Recent", upvotes: 10, published: Papers.Now.AddDays(-1)),
            Papers.Make(3, "Recent and loved", upvotes: 90, published: Papers.Now.AddDays(-2)),
            Papers.Make(4, "Recent, no votes", published: Papers.Now.AddDays(-1)));

        Assert.Equal(["2501.00003", "2501.00002"], search.Search.Trending(10, days: 7).Select(p => p.Id.Value));
    }
}
