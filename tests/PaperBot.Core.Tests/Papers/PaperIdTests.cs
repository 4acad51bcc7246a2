using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Papers;

public class PaperIdTests
{
    [Fact]
    public void All_forms_of_one_arxiv_paper_share_one_canonical_id()
    {
        var ids = new[] { "2503.01234", "2503.01234v2", "https://arxiv.org/abs/2503.01234v3", "oai:arXiv.org:2503.01234v1" }
            .Select(PaperId.Parse).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal("2503.01234", ids[0].Value);
        Assert.True(ids[0].IsArxiv);
    }

    [Fact]
    public void A_link_to_an_arxiv_page_gives_the_arxiv_id_not_a_url_hash()
    {
        Assert.Equal("2503.01234", PaperId.FromUrl("https://arxiv.org/abs/2503.01234v2").Value);
    }

    [Fact]
    public void A_non_arxiv_link_gives_a_stable_id_that_ignores_scheme_trailing_slash_and_fragment()
    {
        var a = PaperId.FromUrl("https://journal.example.org/articles/42/");
        var b = PaperId.FromUrl("http://journal.example.org/articles/42#abstract");
        Assert.Equal(a, b);
        Assert.StartsWith("url:", a.Value, StringComparison.Ordinal);
        Assert.False(a.IsArxiv);
        Assert.NotEqual(a, PaperId.FromUrl("https://journal.example.org/articles/43"));
    }

    [Fact]
    public void A_title_id_ignores_case_accents_punctuation_and_spacing()
    {
        var a = PaperId.FromTitle("TÜLU 3: Pushing   Frontiers — in Open Post-Training");
        var b = PaperId.FromTitle("tulu 3 pushing frontiers in open post training");
        Assert.Equal(a, b);
        Assert.StartsWith("title:", a.Value, StringComparison.Ordinal);
        Assert.NotEqual(a, PaperId.FromTitle("Tulu 4: Pushing Frontiers in Open Post-Training"));
    }

    [Fact]
    public void A_stored_id_round_trips_through_parse()
    {
        var url = PaperId.FromUrl("https://blog.example.org/post");
        var title = PaperId.FromTitle("Some Title");
        Assert.Equal(url, PaperId.Parse(url.Value));
        Assert.Equal(title, PaperId.Parse(title.Value));
        Assert.Equal("hep-th/9901001", PaperId.Parse("hep-th/9901001v1").Value);
        Assert.Throws<FormatException>(() => PaperId.Parse("garbage"));
    }
}
