using PaperBot.Core.Matching;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Tests.Queries;

public class QueryEvaluatorTests
{
    private static readonly AnalyzedPaper Tulu = AnalyzedPaper.From(PaperFactory.Make(
        "TÜLU 3: Pushing Frontiers in Open Language Model Post-Training",
        "We study few-shot prompting and queries over retrieval-augmented models. Image editing is out of scope.",
        authors: ["Nathan Lambert", "Geoffrey E. Hinton", "Hannaneh Hajishirzi"],
        categories: ["cs.CL", "cs.LG"],
        sources: ["huggingface", "arxiv"],
        upvotes: 99));

    private static MatchExplanation? Evaluate(string query, AnalyzedPaper? paper = null)
    {
        var parsed = QueryParser.Parse(query);
        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        return QueryEvaluator.Evaluate(parsed.Query, paper ?? Tulu);
    }

    [Theory]
    [InlineData("tulu")]
    [InlineData("TÜLU")]
    [InlineData("Tülu")]
    public void Terms_match_whole_words_ignoring_case_and_accents(string query) => Assert.NotNull(Evaluate(query));

    [Theory]
    [InlineData("models")]
    [InlineData("model")]
    [InlineData("query")]
    [InlineData("queries")]
    [InlineData("frontier")]
    public void Plural_and_singular_forms_match_each_other(string query) => Assert.NotNull(Evaluate(query));

    [Theory]
    [InlineData("lang")]
    [InlineData("train")]
    public void Parts_of_words_do_not_match(string query) => Assert.Null(Evaluate(query));

    [Theory]
    [InlineData("few-shot")]
    [InlineData("\"few shot\"")]
    [InlineData("post-training")]
    [InlineData("\"post training\"")]
    [InlineData("\"retrieval augmented model\"")]
    public void Hyphenated_words_match_as_a_phrase_of_their_parts(string query) => Assert.NotNull(Evaluate(query));

    [Fact]
    public void A_hyphenated_query_matches_text_written_with_a_space()
    {
        var paper = AnalyzedPaper.From(PaperFactory.Make("Few shot learners"));
        Assert.NotNull(Evaluate("few-shot", paper));
        Assert.Null(Evaluate("fewshot", paper));
    }

    [Theory]
    [InlineData("\"image editing\"", true)]
    [InlineData("\"editing image\"", false)]
    [InlineData("\"model post\"", true)]
    [InlineData("\"training we\"", false)]
    public void Phrases_need_their_words_in_order_within_one_field(string query, bool matches) =>
        Assert.Equal(matches, Evaluate(query) is not null);

    [Theory]
    [InlineData("pref*", false)]
    [InlineData("prompt*", true)]
    [InlineData("quer*", true)]
    [InlineData("title:fronti*", true)]
    [InlineData("abstract:fronti*", false)]
    public void Prefixes_match_the_start_of_any_word(string query, bool matches) =>
        Assert.Equal(matches, Evaluate(query) is not null);

    [Theory]
    [InlineData("title:training", true)]
    [InlineData("ti:retrieval", false)]
    [InlineData("abstract:retrieval", true)]
    [InlineData("abs:frontiers", false)]
    [InlineData("hinton", false)]
    [InlineData("cat:cs.LG", true)]
    [InlineData("cat:CS.lg", true)]
    [InlineData("cat:cs", false)]
    [InlineData("cat:cs.CV", false)]
    [InlineData("source:huggingface", true)]
    [InlineData("source:HuggingFace", true)]
    [InlineData("source:arxiv-rss", false)]
    public void Fields_restrict_where_a_term_looks_and_unfielded_terms_skip_authors(string query, bool matches) =>
        Assert.Equal(matches, Evaluate(query) is not null);

    [Theory]
    [InlineData("au:hinton", true)]
    [InlineData("au:\"hinton\"", true)]
    [InlineData("au:\"g hinton\"", true)]
    [InlineData("au:\"geoffrey hinton\"", true)]
    [InlineData("au:\"geoffrey e hinton\"", true)]
    [InlineData("au:\"Geoffrey E. Hinton\"", true)]
    [InlineData("au:\"y hinton\"", false)]
    [InlineData("au:\"hinton geoffrey\"", false)]
    [InlineData("au:\"nathan hinton\"", false)]
    [InlineData("au:\"hint\"", false)]
    [InlineData("au:hint*", true)]
    [InlineData("au:\"g\"", false)]
    public void Authors_match_their_words_in_order_tolerating_initials(string query, bool matches) =>
        Assert.Equal(matches, Evaluate(query) is not null);

    [Fact]
    public void An_initial_in_the_paper_matches_a_full_first_name_in_the_query()
    {
        var paper = AnalyzedPaper.From(PaperFactory.Make("x", authors: ["G. E. Hinton"]));
        Assert.NotNull(Evaluate("au:\"geoffrey hinton\"", paper));
    }

    [Theory]
    [InlineData("tulu OR nonexistent", true)]
    [InlineData("nonexistent OR missing", false)]
    [InlineData("tulu -survey", true)]
    [InlineData("tulu -editing", false)]
    [InlineData("tulu NOT (survey OR editing)", false)]
    [InlineData("(vision OR language) model", true)]
    public void Boolean_operators_combine_terms(string query, bool matches) => Assert.Equal(matches, Evaluate(query) is not null);

    [Fact]
    public void A_match_says_which_words_hit_which_fields_as_written()
    {
        var match = Evaluate("models few-shot au:hinton cat:cs.lg -survey")!;
        Assert.Equal(
            [new MatchHit("title", "Model"), new MatchHit("abstract", "models"), new MatchHit("abstract", "few-shot"),
             new MatchHit("author", "Geoffrey E. Hinton"), new MatchHit("category", "cs.LG")],
            match.Hits);
    }

    [Fact]
    public void Only_the_branches_that_matched_are_reported()
    {
        var match = Evaluate("(tulu nonexistent) OR editing")!;
        Assert.Equal([new MatchHit("abstract", "editing")], match.Hits);
    }

    [Fact]
    public void Title_hits_score_higher_than_abstract_hits_and_upvotes_boost_the_score()
    {
        var plain = AnalyzedPaper.From(PaperFactory.Make("Diffusion", "about transformers"));
        var popular = AnalyzedPaper.From(PaperFactory.Make("Diffusion", "about transformers", upvotes: 99));
        Assert.True(Evaluate("diffusion", plain)!.Score > Evaluate("transformer", plain)!.Score);
        Assert.Equal(3.0, Evaluate("diffusion", plain)!.Score);
        Assert.Equal(9.0, Evaluate("diffusion", popular)!.Score, 6);
    }
}
