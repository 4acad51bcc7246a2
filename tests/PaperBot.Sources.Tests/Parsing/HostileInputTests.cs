using System.Text;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.Parsing;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

/// <summary>Bad documents give clear errors or rejected entries: never an exception, never a partial paper.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string> XmlParsers => ["arxiv-atom", "arxiv-rss", "feed"];

    private static IDocumentParser ParserFor(string format) => format switch
    {
        "arxiv-atom" => new ArxivAtomParser(),
        "arxiv-rss" => new ArxivRssParser(),
        "feed" => new SyndicationFeedParser(),
        _ => new HuggingFaceParser(),
    };

    [Theory]
    [MemberData(nameof(XmlParsers))]
    public void Entity_expansion_is_refused_with_a_clear_error(string format)
    {
        var result = ParserFor(format).Parse(FixtureFiles.Open("sources/billion-laughs.xml"));

        Assert.True(result.IsFailure);
        Assert.Contains("DTD", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Papers);
    }

    [Theory]
    [MemberData(nameof(XmlParsers))]
    public void External_entities_are_refused(string format)
    {
        var result = ParserFor(format).Parse(FixtureFiles.Open("sources/xxe.xml"));

        Assert.Contains("refused", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Papers);
    }

    [Theory]
    [InlineData("arxiv-atom")]
    [InlineData("arxiv-rss")]
    [InlineData("feed")]
    [InlineData("hf-json")]
    public void An_html_error_page_served_as_a_document_says_it_is_html(string format)
    {
        var result = ParserFor(format).Parse(FixtureFiles.Open("sources/html-error-page.html"));

        Assert.Contains("HTML page", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arxiv-atom")]
    [InlineData("arxiv-rss")]
    [InlineData("feed")]
    public void Malformed_xml_is_a_failure_with_a_position(string format)
    {
        var result = ParserFor(format).Parse(new MemoryStream("<rss version=\"2.0\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\"><channel><item><title>cut"u8.ToArray()));

        Assert.Contains("Malformed XML at line 1", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arxiv-atom", "<rss version=\"2.0\"><channel><item><pubDate>x</pu{0}></item></channel></rss>")]
    [InlineData("arxiv-rss", "<rss version=\"2.0\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\"><channel><item><title>x</ti{0}></item></channel></rss>")]
    [InlineData("feed", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</ti{0}></entry></feed>")]
    public void An_error_quoting_a_100_kb_token_stays_a_short_message(string format, string template)
    {
        // Found by the end-to-end fuzzing: the whole token reached the source's state, /status and the log.
        var document = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('A', 100_000));

        var result = ParserFor(format).Parse(new MemoryStream(Encoding.UTF8.GetBytes(document)));

        Assert.True(result.IsFailure);
        Assert.InRange(result.Error!.Length, 20, 400);
        Assert.EndsWith("…", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstract_cut_to_its_limit_never_splits_an_emoji_in_two()
    {
        // Half a surrogate pair cannot be stored (LiteDB fails the write); JSON refuses a lone one as an escape.
        var emojis = string.Concat(Enumerable.Repeat("😀", ParseLimits.MaxAbstractLength));
        var json = $$$"""
            [{"paper":{"id":"2401.00001","title":"Emoji","summary":"x{{{emojis}}}","authors":[]}},
             {"paper":{"id":"2401.00002","title":"Lone \udc00 half","summary":"s","authors":[]}}]
            """;

        var result = ParserFor("hf-json").Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var paper = Assert.Single(result.Papers);
        Assert.Equal(paper.Abstract, Utf16Text.WithoutLoneSurrogates(paper.Abstract));
        Assert.EndsWith("😀…", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("title", Assert.Single(result.Rejected).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arxiv-atom")]
    [InlineData("arxiv-rss")]
    [InlineData("feed")]
    [InlineData("hf-json")]
    public void A_200_kb_title_rejects_that_entry_and_keeps_the_others(string format)
    {
        var huge = new string('x', 200 * 1024);
        var result = ParserFor(format).Parse(new MemoryStream(Encoding.UTF8.GetBytes(Document(format, huge))));

        Assert.False(result.IsFailure, result.Error);
        var ok = Assert.Single(result.Papers);
        Assert.Equal("A Normal Title", ok.Title);
        var rejected = Assert.Single(result.Rejected);
        Assert.Contains("the title is 204,800 characters long (limit 1,000)", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_size_cap_is_refused_before_parsing()
    {
        var result = new HuggingFaceParser().Parse(new EndlessStream());

        Assert.Equal("The document is larger than 20 MB.", result.Error);
    }

    [Fact]
    public void Parsers_never_throw_on_random_bytes()
    {
        var random = new Random(42);
        foreach (var parser in DocumentParsers.All)
        {
            for (var i = 0; i < 50; i++)
            {
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                var result = parser.Parse(new MemoryStream(bytes));
                Assert.True(result.IsFailure || result.Papers.All(p => p.Title.Length > 0));
            }
        }
    }

    private static string Document(string format, string hugeTitle) => format switch
    {
        "hf-json" => $$$"""
            [{"paper":{"id":"2401.00001","title":"{{{hugeTitle}}}","summary":"s","authors":[]}},
             {"paper":{"id":"2401.00002","title":"A Normal Title","summary":"s","authors":[]}}]
            """,
        "arxiv-atom" => $"""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
            <opensearch:totalResults>2</opensearch:totalResults>
            <entry><id>http://arxiv.org/abs/2401.00001v1</id><title>{hugeTitle}</title></entry>
            <entry><id>http://arxiv.org/abs/2401.00002v1</id><title>A Normal Title</title></entry></feed>
            """,
        _ => $"""
            <rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><title>t</title>
            <item><title>{hugeTitle}</title><link>https://arxiv.org/abs/2401.00001</link><guid>oai:arXiv.org:2401.00001v1</guid></item>
            <item><title>A Normal Title</title><link>https://arxiv.org/abs/2401.00002</link><guid>oai:arXiv.org:2401.00002v1</guid></item>
            </channel></rss>
            """,
    };

    /// <summary>A stream that never ends, to prove the size cap stops reading.</summary>
    private sealed class EndlessStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) { Array.Fill(buffer, (byte)' ', offset, count); return count; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
