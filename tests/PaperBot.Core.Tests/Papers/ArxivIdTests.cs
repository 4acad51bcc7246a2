using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Papers;

public class ArxivIdTests
{
    [Theory]
    [InlineData("2503.01234", "2503.01234", null)]
    [InlineData("2503.01234v2", "2503.01234", 2)]
    [InlineData("arXiv:2503.01234", "2503.01234", null)]
    [InlineData("arxiv:2503.01234v3", "2503.01234", 3)]
    [InlineData("https://arxiv.org/abs/2503.01234v2", "2503.01234", 2)]
    [InlineData("http://arxiv.org/abs/2503.01234", "2503.01234", null)]
    [InlineData("https://arxiv.org/pdf/2503.01234v2", "2503.01234", 2)]
    [InlineData("https://arxiv.org/pdf/2503.01234v2.pdf", "2503.01234", 2)]
    [InlineData("https://export.arxiv.org/abs/2503.01234v1", "2503.01234", 1)]
    [InlineData("/pdf/2503.01234v4", "2503.01234", 4)]
    [InlineData("oai:arXiv.org:2503.01234v2", "2503.01234", 2)]
    [InlineData("0704.0001", "0704.0001", null)]
    [InlineData("hep-th/9901001v1", "hep-th/9901001", 1)]
    [InlineData("HEP-TH/9901001", "hep-th/9901001", null)]
    [InlineData("math.GT/0309136", "math.GT/0309136", null)]
    [InlineData("https://arxiv.org/abs/cond-mat/0102536v1", "cond-mat/0102536", 1)]
    [InlineData("  2503.01234v2  ", "2503.01234", 2)]
    public void Every_written_form_maps_to_the_bare_id_with_the_version_as_data(string input, string id, int? version)
    {
        Assert.True(ArxivId.TryParse(input, out var parsed));
        Assert.Equal(id, parsed.Id);
        Assert.Equal(version, parsed.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an id")]
    [InlineData("2503.123")]
    [InlineData("2503.012345")]
    [InlineData("2503.01234v0")]
    [InlineData("https://example.org/abs/2503.01234")]
    [InlineData("hep-th/990100")]
    [InlineData("title:abc")]
    public void Text_that_is_not_an_arxiv_id_is_refused(string input)
    {
        Assert.False(ArxivId.TryParse(input, out _));
    }

    [Fact]
    public void The_id_prints_with_its_version()
    {
        Assert.Equal("2503.01234v2", ArxivId.Parse("arXiv:2503.01234v2").ToString());
        Assert.Throws<FormatException>(() => ArxivId.Parse("nope"));
    }
}
