using Lucene.Net.Search;
using Lucene.Net.Search.Spans;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Search.Querying;
using PaperBot.Search.Tests.Support;

namespace PaperBot.Search.Tests;

public sealed class QueryTranslationTests : IDisposable
{
    private readonly SearchFixture _search = new(
        Papers.Make(1, "Diffusion models for image editing", "We edit images with a diffusion model."),
        Papers.Make(2, "Editing images", "Image diffusion is slow; we study few-shot editing.", authors: ["Geoffrey E. Hinton", "Ada Lovelace"]),
        Papers.Make(3, "Language models are few shot learners", "Scaling studies of transformers.", authors: ["G. Hinton"], categories: ["cs.CL"]),
        Papers.Make(4, "A survey of diffusion", "Diffusion everywhere.", authors: ["Yann LeCun"], categories: ["cs.LG", "cs.CV"], source: "huggingface"),
        Papers.Make(5, "Graph networks", "Message passing on graphs; no images here.", authors: ["Hinton Geoffrey"], categories: ["cs.LG"]),
        Papers.Make(6, "Hostile feed", "An author field that is a sentence.",
            authors: ["one two three four five six seven eight nine ten eleven twelve Grace Brewster Hopper"]));

    public void Dispose() => _search.Dispose();

    [Theory]
    [InlineData("diffusion", "2501.00001 2501.00002 2501.00004")]
    [InlineData("\"image editing\"", "2501.00001")]
    [InlineData("\"few shot\"", "2501.00002 2501.00003")]
    [InlineData("\"with a\"", "2501.00001")]
    [InlineData("few-shot", "2501.00002 2501.00003")]
    [InlineData("\"editing images\"", "2501.00002")]
    [InlineData("\"diffusion model for image\"", "2501.00001")]
    [InlineData("\"few shot editing\"", "2501.00002")]
    [InlineData("\"few shot learners\"", "2501.00003")]
    [InlineData("\"few shot images\"", "")]
    [InlineData("study", "2501.00002 2501.00003")]
    [InlineData("stud*", "2501.00002 2501.00003")]
    [InlineData("study*", "2501.00002")]
    [InlineData("abs:stud*", "2501.00002 2501.00003")]
    [InlineData("ti:stud*", "")]
    [InlineData("ti:edit*", "2501.00001 2501.00002")]
    [InlineData("abs:edit*", "2501.00001 2501.00002")]
    [InlineData("ti:surv*", "2501.00004")]
    [InlineData("abs:surv*", "")]
    [InlineData("transformer*", "2501.00003")]
    [InlineData("image*", "2501.00001 2501.00002 2501.00005")]
    [InlineData("ti:image*", "2501.00001 2501.00002")]
    [InlineData("title:diffusion", "2501.00001 2501.00004")]
    [InlineData("abs:diffusion", "2501.00001 2501.00002 2501.00004")]
    [InlineData("abs:editing", "2501.00002")]
    [InlineData("abs:survey", "")]
    [InlineData("abs:(diffusion -survey)", "2501.00001 2501.00002 2501.00004")]
    [InlineData("abs:\"few shot\"", "2501.00002")]
    [InlineData("abs:\"image diffusion\"", "2501.00002")]
    [InlineData("abs:\"images with a diffusion model\"", "2501.00001")]
    [InlineData("abs:\"editing we\"", "")]
    [InlineData("\"editing we\"", "")]
    [InlineData("\"survey of diffusion everywhere\"", "")]
    [InlineData("\"images with a diffusion\"", "2501.00001")]
    [InlineData("\"images with diffusion\"", "")]
    [InlineData("\"passing on graphs\"", "2501.00005")]
    [InlineData("ti:(image OR graph)", "2501.00001 2501.00002 2501.00005")]
    [InlineData("diffusion -survey", "2501.00001 2501.00002")]
    [InlineData("diffusion NOT (survey OR editing)", "")]
    [InlineData("diffusion (survey OR -editing)", "2501.00004")]
    [InlineData("cat:cs.lg", "2501.00004 2501.00005")]
    [InlineData("cat:cs.LG diffusion", "2501.00004")]
    [InlineData("source:huggingface", "2501.00004")]
    [InlineData("au:hinton", "2501.00002 2501.00003 2501.00005")]
    [InlineData("au:\"geoffrey hinton\"", "2501.00002 2501.00003")]
    [InlineData("au:\"g hinton\"", "2501.00002 2501.00003")]
    [InlineData("au:\"hinton geoffrey\"", "2501.00005")]
    [InlineData("au:\"ada hinton\"", "")]
    [InlineData("au:\"g e hinton\"", "2501.00002")]
    [InlineData("au:\"geoffrey e hinton\"", "2501.00002")]
    [InlineData("au:\"grace hopper\"", "2501.00006")]
    [InlineData("au:\"g hopper\"", "2501.00006")]
    [InlineData("au:\"one brewster hopper\"", "2501.00006")]
    [InlineData("au:\"hopper grace\"", "")]
    [InlineData("au:lecu*", "2501.00004")]
    [InlineData("models OR graph", "2501.00001 2501.00003 2501.00005")]
    public void SearchFindsExactlyThePapersTheQueryLanguageMatches(string query, string expected)
    {
        var ids = _search.Ids(query).Order(StringComparer.Ordinal);

        Assert.Equal(expected, string.Join(' ', ids));
        Assert.Equal(expected, string.Join(' ', EvaluatorMatches(query)));
    }

    [Fact]
    public void AnUnfieldedWordIsOneTermOfTheTextField()
    {
        var lucene = QueryTranslator.Translate(QueryParser.Parse("Diffusion").Query!.Root);

        Assert.Equal("text:diffusion", Assert.IsType<TermQuery>(lucene).Term.ToString());
    }

    [Fact]
    public void APhraseOfTwoCommonWordsBecomesOnePairTerm()
    {
        var lucene = QueryTranslator.Translate(QueryParser.Parse("\"Image Models\"").Query!.Root);

        Assert.Equal("text_2:image model", Assert.IsType<TermQuery>(lucene).Term.ToString());
        Assert.Equal("title_2:image model", Assert.IsType<TermQuery>(QueryTranslator.Translate(QueryParser.Parse("ti:\"Image Models\"").Query!.Root)).Term.ToString());
    }

    [Fact]
    public void APhraseWithARarerWordIsAPhraseQueryOverStemPositions()
    {
        var lucene = QueryTranslator.Translate(QueryParser.Parse("ti:\"Gaussian splats\"").Query!.Root);

        var phrase = Assert.IsType<PhraseQuery>(lucene);
        Assert.Equal(["title:gaussian", "title:splat"], phrase.GetTerms().Select(t => t.ToString()));
        Assert.Equal([0, 1], phrase.GetPositions());
    }

    [Fact]
    public void AnAbstractPhraseIsAnOrderedSpanOverTheTextFieldCheckedAgainstTheTitleLength()
    {
        var lucene = QueryTranslator.Translate(QueryParser.Parse("abs:\"Gaussian splats\"").Query!.Root);

        var inAbstract = Assert.IsType<InAbstractQuery>(lucene);
        var near = Assert.IsType<SpanNearQuery>(inAbstract.Match);
        Assert.True(near.IsInOrder);
        Assert.Equal(0, near.Slop);
        Assert.Equal(["text:gaussian", "text:splat"], near.GetClauses().Select(c => ((SpanTermQuery)c).Term.ToString()));
    }

    [Fact]
    public void ALongerPhraseIsAPhraseQueryOverStemPositionsFilteredByItsPairs()
    {
        var lucene = (BooleanQuery)QueryTranslator.Translate(QueryParser.Parse("title:\"large language models\"").Query!.Root);

        var phrase = Assert.IsType<PhraseQuery>(lucene.Clauses[0].Query);
        Assert.Equal(["large", "language", "model"], phrase.GetTerms().Select(t => t.Text));
        Assert.Equal([0, 1, 2], phrase.GetPositions());
        Assert.Equal(["title_2:large language", "title_2:language model"], lucene.Clauses.Skip(1).Select(c => ((TermQuery)c.Query).Term.ToString()));
        Assert.All(lucene.Clauses, c => Assert.Equal(Occur.MUST, c.Occur));
    }

    [Fact]
    public void APrefixLooksAtTheWordFieldsAndAtTheStemsThatBeginTheirWords()
    {
        var lucene = (BooleanQuery)QueryTranslator.Translate(QueryParser.Parse("Diffus*").Query!.Root);

        Assert.Equal(["title_w:diffus*^3.0", "title:diffus*(stems)^3.0", "abstract_w:diffus*", "text:diffus*(stems)"], lucene.Clauses.Select(c => c.Query.ToString()));
        Assert.All(lucene.Clauses, c => Assert.Equal(Occur.SHOULD, c.Occur));
    }

    [Fact]
    public void AnAbstractPrefixOfMoreThanAThousandWordsFindsThemAll()
    {
        using var search = new SearchFixture([.. Enumerable.Range(1, 1500).Select(n => Papers.Make(n, "Title", $"A word zz{n:D4}q here."))]);

        Assert.Equal(1500, search.Search.Search(new SearchRequest { Text = "abs:zz*", Limit = 1 }).Total);
    }

    [Fact]
    public void ATwoWordAuthorNameIsAPairTermForTheWordAndForItsInitialWrittenAlone()
    {
        var lucene = (BooleanQuery)QueryTranslator.Translate(QueryParser.Parse("au:\"Geoffrey Hinton\"").Query!.Root);

        var pair = (BooleanQuery)lucene.Clauses[0].Query;
        Assert.Equal(["author_2:geoffrey hinton", "author_2:g hinton"], pair.Clauses.Select(c => ((TermQuery)c.Query).Term.ToString()));
        var longNames = (BooleanQuery)lucene.Clauses[1].Query;
        Assert.IsType<SpanNearQuery>(longNames.Clauses[0].Query);
        Assert.Equal("author_2:^long", ((TermQuery)longNames.Clauses[1].Query).Term.ToString());
    }

    [Fact]
    public void ALongerAuthorNameIsAnOrderedSpanWithinOneAuthorNarrowedByItsLastPair()
    {
        var lucene = (BooleanQuery)QueryTranslator.Translate(QueryParser.Parse("au:\"g e hinton\"").Query!.Root);

        var near = Assert.IsType<SpanNearQuery>(lucene.Clauses[0].Query);
        Assert.True(near.IsInOrder);
        Assert.Equal(["author:^g", "author:^e", "author:hinton"], near.GetClauses().Select(c => ((SpanTermQuery)c).Term.ToString()));
        var narrowed = (BooleanQuery)lucene.Clauses[1].Query;
        Assert.Equal(Occur.MUST, lucene.Clauses[1].Occur);
        Assert.Equal(0, narrowed.Boost);
        Assert.Equal(["author_2:^e hinton", "author_2:^long"], narrowed.Clauses.Select(c => ((TermQuery)c.Query).Term.ToString()));
    }

    [Theory]
    [InlineData("abs:\"model model\"", "2501.00001 2501.00003")]
    [InlineData("abs:\"model model model\"", "2501.00003")]
    [InlineData("ti:\"model model\"", "2501.00001 2501.00002")]
    [InlineData("\"model model\"", "2501.00001 2501.00002 2501.00003")]
    [InlineData("abs:model", "2501.00001 2501.00002 2501.00003")]
    public void RepeatedWordsInTheTitleNeitherHideNorFakeAPhraseInTheAbstract(string query, string expected)
    {
        using var search = new SearchFixture(
            Papers.Make(1, "Model model", "The model model works."),
            Papers.Make(2, "Model model model", "A model of things."),
            Papers.Make(3, "Other", "Model then model model model."));

        Assert.Equal(expected, string.Join(' ', search.Ids(query).Order(StringComparer.Ordinal)));
    }

    private IEnumerable<string> EvaluatorMatches(string text)
    {
        var query = QueryParser.Parse(text).Query!;
        return Enumerable.Range(1, 6).Select(n => _search.Store.Find(Papers.IdOf(n))!)
            .Where(p => QueryEvaluator.IsMatch(query, AnalyzedPaper.From(p)))
            .Select(p => p.Id.Value);
    }
}
