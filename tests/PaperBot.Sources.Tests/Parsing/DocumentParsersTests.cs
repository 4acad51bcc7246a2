using PaperBot.Sources.Parsing;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

public sealed class DocumentParsersTests
{
    [Theory]
    [InlineData("sources/hf-daily-papers.json", "hf-json")]
    [InlineData("sources/hf-empty.json", "hf-json")]
    [InlineData("sources/arxiv-api-page1.atom", "arxiv-atom")]
    [InlineData("sources/arxiv-api-error.atom", "arxiv-atom")]
    [InlineData("sources/arxiv-rss-cs.AI.xml", "arxiv-rss")]
    [InlineData("sources/arxiv-rss-weekend.xml", "arxiv-rss")]
    [InlineData("sources/arxiv-atom-listing.xml", "arxiv-rss")]
    [InlineData("sources/blog-atom.xml", "feed")]
    [InlineData("sources/journal-rss.xml", "feed")]
    public void The_format_is_detected_from_the_first_bytes(string fixture, string format)
    {
        var head = FixtureFiles.Bytes(fixture).AsSpan(0, Math.Min(DocumentParsers.HeadLength, FixtureFiles.Bytes(fixture).Length));

        Assert.Equal(format, DocumentParsers.Detect(head)?.Format);
    }

    [Fact]
    public void A_utf8_bom_does_not_hide_the_format()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. FixtureFiles.Bytes("sources/hf-daily-papers.json")];

        Assert.Equal("hf-json", DocumentParsers.Detect(withBom.AsSpan(0, Math.Min(withBom.Length, DocumentParsers.HeadLength)))?.Format);
        Assert.Equal(3, DocumentParsers.Detect(withBom)!.Parse(new MemoryStream(withBom)).Papers.Count);
    }

    [Fact]
    public void An_html_page_is_claimed_by_no_parser()
    {
        Assert.Null(DocumentParsers.Detect(FixtureFiles.Bytes("sources/html-error-page.html")));
    }

    [Fact]
    public void Plain_text_that_is_no_feed_falls_to_the_text_digest_parser_last()
    {
        Assert.Equal("text-digest", DocumentParsers.All[^1].Format);
        Assert.Equal("text-digest", DocumentParsers.Detect(FixtureFiles.Bytes("sources/arxiv-rate-exceeded.txt"))?.Format);
    }
}
