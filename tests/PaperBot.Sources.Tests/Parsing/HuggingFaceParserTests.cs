using PaperBot.Core.Papers;
using PaperBot.Sources.HuggingFace;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

public sealed class HuggingFaceParserTests
{
    private static readonly HuggingFaceParser Parser = new();

    [Fact]
    public void Every_field_of_a_daily_papers_item_is_mapped_to_the_paper()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/hf-daily-papers.json"));

        Assert.False(result.IsFailure);
        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.Papers.Count);
        var p = result.Papers[0];
        Assert.Equal(PaperId.Parse("2509.04664"), p.Id);
        Assert.Null(p.Version);
        Assert.Equal("Why Language Models Hallucinate", p.Title);
        Assert.Equal("Like students facing hard exam questions, large language models sometimes guess when uncertain, producing plausible yet incorrect statements instead of admitting uncertainty.", p.Abstract);
        Assert.Equal(["Adam Tauman Kalai", "Ofir Nachum", "Santosh S. Vempala"], p.Authors);
        Assert.Equal(26, p.Upvotes);
        Assert.Equal("Language models produce incorrect statements due to training and evaluation procedures that reward guessing.", p.Summary);
        Assert.Equal(["hallucinations", "binary classification", "uncertain responses"], p.Keywords);
        Assert.Equal("https://github.com/example/hallucinations", p.Links.Code);
        Assert.Equal("https://example.org/hallucinations", p.Links.ProjectPage);
        Assert.Equal("https://arxiv.org/abs/2509.04664", p.Links.Abstract);
        Assert.Equal("https://arxiv.org/pdf/2509.04664", p.Links.Pdf);
        Assert.Equal(new DateTimeOffset(2025, 9, 4, 21, 26, 31, TimeSpan.Zero), p.PublishedAt);
        var seen = Assert.Single(p.Sources);
        Assert.Equal(new Provenance(PaperSources.HuggingFace, new DateTimeOffset(2025, 9, 8, 2, 44, 20, 973, TimeSpan.Zero)), seen);
    }

    [Fact]
    public void Hidden_authors_are_skipped_and_a_missing_project_page_or_null_repo_stays_null()
    {
        var papers = Parser.Parse(FixtureFiles.Open("sources/hf-daily-papers.json")).Papers;

        Assert.Equal(["Ada Lovelace", "Alan Turing"], papers[1].Authors);
        Assert.Null(papers[1].Links.Code);
        Assert.Null(papers[1].Links.ProjectPage);
        Assert.Equal("Learning to Reason with Small Models", papers[1].Title);
    }

    [Fact]
    public void Html_in_a_title_is_stripped_and_entities_decoded_while_tex_is_kept()
    {
        var paper = Parser.Parse(FixtureFiles.Open("sources/hf-daily-papers.json")).Papers[2];

        Assert.Equal("Diffusion Models for Video Editing: $\\alpha$-Blending & Beyond", paper.Title);
        Assert.Equal("Video editing with diffusion models.", paper.Abstract);
    }

    [Fact]
    public void An_empty_array_is_a_success_with_no_papers()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/hf-empty.json"));

        Assert.False(result.IsFailure);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public void Bad_items_are_rejected_with_reasons_and_a_bad_date_only_costs_the_date()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/hf-mixed-quality.json"));

        var kept = Assert.Single(result.Papers);
        Assert.Equal(PaperId.Parse("2509.05555"), kept.Id);
        Assert.Null(kept.PublishedAt);
        Assert.Collection(result.Rejected,
            r => Assert.Equal("item 1: the item has no 'paper' object", r.ToString()),
            r => Assert.Equal("item 2 (not-an-arxiv-id): 'not-an-arxiv-id' is not an arXiv id", r.ToString()),
            r => Assert.StartsWith("item 3: unexpected shape", r.ToString(), StringComparison.Ordinal),
            r => Assert.Equal("item 4 (2509.07777): the entry has no title", r.ToString()));
    }

    [Fact]
    public void An_item_with_a_huge_id_is_rejected_with_a_short_one_line_reason()
    {
        // Found by the end-to-end fuzzing: the rejection quoted the whole 5 KB id, twice.
        var id = "26" + new string('[', 5_000) + "\\n"; // a JSON escape: the id holds a line break
        var result = Parser.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"[{{\"paper\":{{\"id\":\"{id}\",\"title\":\"T\"}}}}]")));

        var rejected = Assert.Single(result.Rejected).ToString();
        Assert.StartsWith("item 0 (26[[[", rejected, StringComparison.Ordinal);
        Assert.InRange(rejected.Length, 100, 800);
        Assert.DoesNotContain('\n', rejected);
    }

    [Fact]
    public void Nulls_among_the_authors_and_keywords_are_skipped()
    {
        // Found by the end-to-end fuzzing: a null author threw out of the mapping and failed the whole poll.
        var json = """[{"paper":{"id":"2509.04664","title":"T","authors":[null,{"name":"Ada"}],"ai_keywords":[null,"k"]}}]"""u8.ToArray();

        var paper = Assert.Single(Parser.Parse(new MemoryStream(json)).Papers);

        Assert.Equal(["Ada"], paper.Authors);
        Assert.Equal(["k"], paper.Keywords);
    }

    [Fact]
    public void Malformed_json_is_a_failure_that_says_where()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/hf-malformed.json"));

        Assert.True(result.IsFailure);
        Assert.StartsWith("Malformed JSON at line 1", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public void A_json_object_instead_of_an_array_is_a_failure()
    {
        var result = Parser.Parse(new MemoryStream("{\"error\":\"Invalid date\"}"u8.ToArray()));

        Assert.Equal("Expected a JSON array of daily papers, found object.", result.Error);
    }
}
