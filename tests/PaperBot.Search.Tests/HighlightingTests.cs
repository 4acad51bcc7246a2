using PaperBot.Core.Search;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

public sealed class HighlightingTests
{
    [Fact]
    public void MatchedWordsAreMarkedAsWrittenInTitleAndAbstract()
    {
        using var search = new SearchFixture(Papers.Make(1, "Few-Shot Diffusion Models", "We study few-shot image editing with TÜLU models."));

        var hit = search.Search.Search(SearchRequest.For("\"few shot\" OR tulu OR model")).Hits.Single();

        Assert.Equal("**Few-Shot** Diffusion **Models**", hit.Title);
        Assert.Equal("We study **few-shot** image editing with **TÜLU models**.", hit.Snippet);
    }

    [Fact]
    public void ExcludedWordsAndOtherFieldsAreNotMarked()
    {
        using var search = new SearchFixture(Papers.Make(1, "Diffusion for editing", "Diffusion editing survey."));

        var hit = search.Search.Search(SearchRequest.For("title:diffusion editing* -(tutorial survey)")).Hits.Single();

        Assert.Equal("**Diffusion** for **editing**", hit.Title);
        Assert.Equal("Diffusion **editing** survey.", hit.Snippet);
    }

    [Fact]
    public void ALongAbstractIsCutAroundItsMatchesWithEllipses()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        using var search = new SearchFixture(Papers.Make(1, "Title", $"{filler} the key diffusion result {filler}"));

        var snippet = search.Search.Search(SearchRequest.For("diffusion")).Hits.Single().Snippet;

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("the key **diffusion** result", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Split(' ').Length <= 42);
    }
}
