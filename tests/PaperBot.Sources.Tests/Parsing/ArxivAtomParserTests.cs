using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

public sealed class ArxivAtomParserTests
{
    private static readonly ArxivAtomParser Parser = new();

    [Fact]
    public void Every_field_of_an_api_entry_is_mapped_to_the_paper()
    {
        var page = Parser.ParsePage(FixtureFiles.Open("sources/arxiv-api-page1.atom"));

        Assert.False(page.Result.IsFailure);
        Assert.Equal(3, page.Result.Papers.Count);
        var p = page.Result.Papers[0];
        Assert.Equal(PaperId.Parse("2402.12345"), p.Id);
        Assert.Equal(2, p.Version);
        Assert.Equal("Learning to Reason with Small Models", p.Title);
        Assert.Equal("We show that small models can reason when trained on well-chosen curricula. Code is released.", p.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], p.Authors);
        Assert.Equal(["cs.CL", "cs.AI", "I.2.7"], p.Categories);
        Assert.Equal("23 pages, 8 figures and 4 tables", p.Comment);
        Assert.Equal("Proc. of the Widget Conference (2024) 17-29", p.JournalRef);
        Assert.Equal("10.1234/widgets.2024.017", p.Links.Doi);
        Assert.Equal("https://arxiv.org/abs/2402.12345", p.Links.Abstract);
        Assert.Equal("https://arxiv.org/pdf/2402.12345", p.Links.Pdf);
        Assert.Equal(new DateTimeOffset(2024, 2, 22, 18, 59, 1, TimeSpan.Zero), p.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 2, 24, 17, 9, 59, TimeSpan.Zero), p.UpdatedAt);
    }

    [Fact]
    public void The_primary_category_comes_first_even_when_listed_later_and_tex_survives()
    {
        var p = Parser.ParsePage(FixtureFiles.Open("sources/arxiv-api-page1.atom")).Result.Papers[1];

        Assert.Equal(["cs.CL", "cs.IR"], p.Categories);
        Assert.Equal("We study widgets. Retrieval augmentation improves long-context reasoning by $O(\\log n)$.", p.Abstract);
        Assert.Null(p.Comment);
        Assert.Null(p.Links.Doi);
    }

    [Fact]
    public void A_category_too_long_to_be_one_is_dropped_and_the_entry_kept()
    {
        // Found by the end-to-end fuzzing (a 40 KB term made the search index refuse the paper).
        var atom = $"""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <entry>
                <id>http://arxiv.org/abs/2402.12345v1</id>
                <title>Widgets</title>
                <summary>About widgets.</summary>
                <category term="math.AP{new string('A', 40_000)}"/>
                <category term="cs.CL"/>
              </entry>
            </feed>
            """;

        var result = Parser.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(atom)));

        Assert.Equal(["cs.CL"], Assert.Single(result.Papers).Categories);
    }

    [Fact]
    public void An_unreadable_date_is_dropped_and_the_entry_kept()
    {
        var p = Parser.ParsePage(FixtureFiles.Open("sources/arxiv-api-page1.atom")).Result.Papers[2];

        Assert.Equal(PaperId.Parse("2401.05678"), p.Id);
        Assert.Null(p.UpdatedAt);
        Assert.NotNull(p.PublishedAt);
    }

    [Fact]
    public void The_opensearch_paging_fields_are_exposed()
    {
        var page = Parser.ParsePage(FixtureFiles.Open("sources/arxiv-api-page2.atom"));

        Assert.Equal(5, page.TotalResults);
        Assert.Equal(3, page.StartIndex);
        Assert.Equal(3, page.ItemsPerPage);
        Assert.Equal(2, page.EntryCount);
        Assert.Equal(PaperId.Parse("hep-th/9901001"), page.Result.Papers[1].Id);
    }

    [Fact]
    public void A_feed_whose_only_entry_is_titled_error_is_a_failure_with_arxivs_message()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/arxiv-api-error.atom"));

        Assert.Equal("arXiv API error: incorrect id format for 1234.12345", result.Error);
        Assert.Empty(result.Papers);
    }

    [Fact]
    public void A_rate_exceeded_body_is_a_throttling_failure()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/arxiv-rate-exceeded.txt"));

        Assert.Equal("arXiv is throttling requests: \"Rate exceeded.\"", result.Error);
    }

    [Fact]
    public void No_results_is_a_success_with_zero_papers()
    {
        var page = Parser.ParsePage(FixtureFiles.Open("sources/arxiv-api-no-results.atom"));

        Assert.False(page.Result.IsFailure);
        Assert.Equal(0, page.TotalResults);
        Assert.Empty(page.Result.Papers);
    }
}
