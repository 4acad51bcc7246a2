using System.Text;
using PaperBot.Core.Papers;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.Parsing;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

/// <summary>Every RSS version, RSS 1.0/RDF and Atom with the deviations real publishers have.</summary>
public sealed class FeedDialectTests
{
    private static readonly SyndicationFeedParser Parser = new();

    [Theory]
    [InlineData("version=\"0.91\"")]
    [InlineData("version=\"0.92\"")]
    [InlineData("version=\"0.93\"")]
    [InlineData("version=\"0.94\"")]
    [InlineData("version=\"2.0\"")]
    [InlineData("version=\"2.01\"")]
    [InlineData("version=\"3.0\"")]
    [InlineData("")]
    public void An_rss_feed_of_any_version_or_none_gives_its_papers(string version)
    {
        var xml = $"""
            <rss {version}><channel><title>Widgets</title><link>https://w.example/</link>
            <item><title>Widgets Everywhere</title><link>https://w.example/1</link><description>An abstract.</description>
            <pubDate>Mon, 04 Mar 2024 05:00:00 GMT</pubDate></item>
            </channel></rss>
            """;

        var result = Parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.False(result.IsFailure, result.Error);
        var paper = Assert.Single(result.Papers);
        Assert.Equal("Widgets Everywhere", paper.Title);
        Assert.Equal("https://w.example/1", paper.Links.Other);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 0, 0, TimeSpan.Zero), paper.PublishedAt);
    }

    [Fact]
    public void A_nature_rdf_feed_gives_each_article_with_its_creators_date_doi_and_content_as_abstract()
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/nature-rdf.xml"));

        Assert.False(result.IsFailure, result.Error);
        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.Papers.Count);
        var p = result.Papers[0];
        Assert.Equal("A quantum advantage in learning from widget experiments", p.Title);
        Assert.Equal(["Grace Hopper", "Alan Turing", "Emmy Noether"], p.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), p.PublishedAt);
        Assert.Equal("10.1038/s41586-024-07101-1", p.Links.Doi);
        Assert.Equal("https://www.nature.example/articles/s41586-024-07101-1", p.Links.Other);
        Assert.EndsWith("Quantum widgets learn from exponentially fewer experiments than classical ones.", p.Abstract, StringComparison.Ordinal);
        Assert.Equal("Single-cell atlas of the developing widget in vivo", result.Papers[1].Title);
    }

    [Fact]
    public void An_aps_rdf_feed_splits_its_one_creator_list_and_reads_the_escaped_description()
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/aps-rdf.xml"));

        Assert.False(result.IsFailure, result.Error);
        Assert.Equal(2, result.Papers.Count);
        var p = result.Papers[0];
        Assert.Equal("Observation of Widget Condensation in a Two-Dimensional Lattice", p.Title);
        Assert.Equal(["Lise Meitner", "Chien-Shiung Wu", "Enrico Fermi"], p.Authors);
        Assert.Contains("Widgets condense below a critical temperature of 3 K.", p.Abstract, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 15, 0, 0, TimeSpan.Zero), p.PublishedAt);
        Assert.Equal(["Condensed Matter and Materials"], p.Categories);
        Assert.Equal("10.1103/PhysRevLett.132.100001", p.Links.Doi);
        Assert.Equal(["Paul Dirac"], result.Papers[1].Authors);
    }

    [Fact]
    public void An_rss_090_feed_in_the_netscape_namespace_gives_its_items()
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/rss-0.90.rdf"));

        Assert.Equal(["Widgets in the Browser", "Widgets on the Server"], result.Papers.Select(p => p.Title));
        Assert.Equal("http://widgets.example/1999/server.html", result.Papers[1].Links.Other);
    }

    [Fact]
    public void An_rss_091_feed_with_netscapes_doctype_html_entities_and_a_bare_ampersand_is_read()
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/rss-0.91.xml"));

        Assert.False(result.IsFailure, result.Error);
        Assert.Equal(["Café Widgets in Practice", "R&D at Widget Labs"], result.Papers.Select(p => p.Title));
        Assert.Equal("How cafés use widgets.", result.Papers[0].Abstract);
    }

    [Fact]
    public void An_rss_092_item_without_a_guid_is_keyed_by_its_link()
    {
        var p = Assert.Single(Parser.Parse(FixtureFiles.Open("feeds/rss-0.92.xml")).Papers);

        Assert.Equal(PaperId.FromUrl("http://radio.widgets.example/12"), p.Id);
        Assert.Equal("We discuss entropy in widget ensembles.", p.Abstract);
        Assert.Equal(["Thermodynamics"], p.Categories);
    }

    [Fact]
    public void Atom_entries_with_plain_text_content_a_link_without_href_or_no_dates_are_kept()
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/atom-deviations.xml"));

        Assert.False(result.IsFailure, result.Error);
        Assert.Equal(["Plain Text Content Is Still an Abstract", "A Link Without href", "An Empty Link and No Dates", "A Script Link"],
            result.Papers.Select(p => p.Title));
        var plain = result.Papers[0];
        Assert.Equal("We show that plain text content is read.", plain.Abstract);
        Assert.Equal("https://lab.widgets.example/preprints/plain", plain.Links.Other); // relative to xml:base
        Assert.Equal("https://lab.widgets.example/preprints/no-href", result.Papers[1].Links.Other);
        var undated = result.Papers[2];
        Assert.Null(undated.PublishedAt);
        Assert.Null(undated.UpdatedAt);
        Assert.Equal("https://lab.widgets.example/preprints/empty-link", undated.Links.Other);
        Assert.Equal(["Hedy Lamarr"], undated.Authors);
    }

    [Fact]
    public void Only_http_links_enter_the_domain_and_an_entry_with_nothing_else_is_rejected_with_its_line()
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/atom-deviations.xml"));

        var script = result.Papers[3];
        Assert.Equal("https://lab.widgets.example/preprints/script", script.Links.Other);
        Assert.Equal("", script.Abstract); // base64 image content is no abstract
        Assert.DoesNotContain(result.Papers, p => p.Links.Other?.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal(
            ["item 4 at line 32 (tag:lab.widgets.example,2024:untitled): the entry has no title",
             "item 5 at line 36: the item has neither an http(s) link nor a guid"],
            result.Rejected.Select(r => r.ToString()));
    }

    [Theory]
    [InlineData("<link>javascript:alert(1)</link><guid isPermaLink=\"true\">https://j.example/a</guid>", "https://j.example/a")]
    [InlineData("<link>data:text/html,x</link><guid isPermaLink=\"false\">id-1</guid>", null)]
    [InlineData("<link>file:///etc/passwd</link><guid>id-2</guid>", null)]
    [InlineData("<link>/relative/page</link>", "https://j.example/relative/page")]
    public void An_rss_link_that_is_not_http_is_dropped(string links, string? expected)
    {
        var xml = $"<rss version=\"2.0\"><channel><link>https://j.example/</link><item><title>T</title>{links}</item></channel></rss>";

        var p = Assert.Single(Parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Papers);

        Assert.Equal(expected, p.Links.Other);
    }

    [Fact]
    public void An_atom_03_feed_reads_its_issued_and_modified_dates()
    {
        var p = Assert.Single(Parser.Parse(FixtureFiles.Open("feeds/atom-0.3.xml")).Papers);

        Assert.Equal("Widgets in 2004", p.Title);
        Assert.Equal("Widgets were smaller then.", p.Abstract);
        Assert.Equal(["Margaret Hamilton"], p.Authors);
        Assert.Equal(new DateTimeOffset(2004, 5, 1, 12, 0, 0, TimeSpan.Zero), p.PublishedAt);
        Assert.Equal(new DateTimeOffset(2004, 5, 2, 8, 0, 0, TimeSpan.Zero), p.UpdatedAt);
    }

    [Theory]
    [InlineData("feeds/nature-rdf.xml")]
    [InlineData("feeds/aps-rdf.xml")]
    [InlineData("feeds/rss-0.90.rdf")]
    [InlineData("feeds/rss-0.91.xml")]
    [InlineData("feeds/rss-0.92.xml")]
    [InlineData("feeds/atom-0.3.xml")]
    [InlineData("feeds/atom-deviations.xml")]
    [InlineData("feeds/encodings/utf-16.xml")]
    public void Every_feed_dialect_is_detected_as_a_feed(string fixture)
    {
        var bytes = FixtureFiles.Bytes(fixture);

        Assert.Equal("feed", DocumentParsers.Detect(bytes.AsSpan(0, Math.Min(bytes.Length, DocumentParsers.HeadLength)))?.Format);
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel><item><title>A</title><link>https://a.example/</link></item></channel>", "Malformed XML at line 1, position ")]
    [InlineData("<rss version=\"0.91\">\n<channel>\n<item><title>A</titel></item></channel></rss>", "Malformed XML at line 3, position 17: The 'title' start tag on line 3 position 8 does not match the end tag of 'titel'.")]
    [InlineData("<html><body>Moved</body></html>", "The document is an HTML page, not a feed (an error or login page?).")]
    [InlineData("<opml version=\"1.0\"><body/></opml>", "Expected an RSS, RSS 1.0 (RDF) or Atom feed, found <opml> at line 1.")]
    [InlineData("<rss version=\"2.0\"/>", "The <rss> document has neither a channel nor items.")]
    [InlineData("<?xml version=\"1.0\" encoding=\"x-no-such\"?><rss/>", "The document declares the encoding 'x-no-such', which PaperBot cannot read.")]
    public void A_document_that_is_refused_says_why_and_where(string xml, string expected)
    {
        var result = Parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.True(result.IsFailure);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_any_feed_is_refused_without_exhausting_the_stack()
    {
        var depth = 100_000;
        var xml = "<rss><channel><item><title>" + string.Concat(Enumerable.Repeat("<b>", depth)) + string.Concat(Enumerable.Repeat("</b>", depth)) + "</title></item></channel></rss>";

        var result = Parser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal($"The document nests elements more than {SafeXml.MaxDepth} deep (line 1).", result.Error);
    }
}
