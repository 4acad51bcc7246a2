using System.Text;
using PaperBot.Core.Ingestion;
using PaperBot.Sources.Parsing;
using PaperBot.Sources.TextDigest;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.TextDigest;

public class TextDigestParserTests
{
    private static ParseResult Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static ParseResult Parse(byte[] bytes) => new TextDigestParser().Parse(new MemoryStream(bytes));

    [Fact]
    public void Every_paper_is_read_with_its_title_and_abstract_intact_and_the_header_is_skipped()
    {
        var result = Parse(Digests.Build(25));
        Assert.False(result.IsFailure);
        Assert.Empty(result.Rejected);
        Assert.Equal(25, result.Papers.Count);
        Assert.Equal(Digests.Title(1), result.Papers[0].Title);
        Assert.Equal(Digests.Abstract(1), result.Papers[0].Abstract);
        Assert.Equal(Digests.Title(25), result.Papers[^1].Title);
        Assert.DoesNotContain(result.Papers, p => p.Title is "new" or "Subscribe" or "Mar 12");
    }

    [Fact]
    public void A_title_longer_than_a_short_abstract_is_not_mistaken_for_the_header_or_an_abstract()
    {
        var longTitle = "LumaFlow: Consistency-Guided Diffusion Models for High-Resolution Image Synthesis at Low Step Counts";
        var text = Digests.Header + longTitle + "\n\n" + Digests.Abstract(1) + "\n\n" + Digests.Title(2) + "\n\n" + Digests.Abstract(2) + "\n";
        var result = Parse(text);
        Assert.Equal([longTitle, Digests.Title(2)], result.Papers.Select(p => p.Title));
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_read_the_same()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Digests.Build(3, newline: "\r\n"))).ToArray();
        var result = Parse(bytes);
        Assert.Equal(3, result.Papers.Count);
        Assert.Equal(Digests.Abstract(3), result.Papers[2].Abstract);
    }

    [Fact]
    public void The_same_title_typeset_differently_gets_the_same_id()
    {
        var a = Parse(Digests.Header + "TÜLU: Open  Post-Training\n\n" + Digests.Abstract(1) + "\n").Papers.Single();
        var b = Parse(Digests.Header + "Tulu: open post training\n\n" + Digests.Abstract(1) + "\n").Papers.Single();
        Assert.Equal(a.Id, b.Id);
        Assert.Equal("TÜLU: Open Post-Training", a.Title);
    }

    [Fact]
    public void An_empty_file_is_a_clear_failure()
    {
        Assert.Equal("the file is empty", Parse("").Error);
        Assert.Equal("the file is empty", Parse(" \n\n \n").Error);
    }

    [Fact]
    public void A_binary_file_is_a_clear_failure()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE, 0xC3 };
        Assert.StartsWith("not a text file", Parse(png).Error, StringComparison.Ordinal);
        Assert.StartsWith("not a text file", Parse(Encoding.UTF8.GetBytes("Title\n\n\0\0\0")).Error, StringComparison.Ordinal);
        Assert.False(new TextDigestParser().CanParse(png));
    }

    [Fact]
    public void Text_without_any_paper_is_a_clear_failure()
    {
        Assert.StartsWith("no papers found", Parse("just a note\n\nand another line\n").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_keeps_the_complete_papers_and_rejects_the_cut_one()
    {
        var text = Digests.Build(3) + "\n" + "A Fourth Paper Whose Abstract Was Cut Off\n";
        var result = Parse(text);
        Assert.Equal(3, result.Papers.Count);
        var rejected = Assert.Single(result.Rejected);
        Assert.Contains("no abstract", rejected.Reason, StringComparison.Ordinal);
        Assert.StartsWith("line ", rejected.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_missing_its_abstract_mid_file_is_rejected_without_losing_the_next_one()
    {
        var text = Digests.Header + Digests.Title(0) + "\n\n" + Digests.Abstract(0) + "\n\n"
            + Digests.Title(1) + "\n\n" + Digests.Title(2) + "\n\n" + Digests.Abstract(2) + "\n";
        var result = Parse(text);
        Assert.Equal([Digests.Title(0), Digests.Title(2)], result.Papers.Select(p => p.Title));
        Assert.Contains(Digests.Title(1)[..20], Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_200_KB_title_is_rejected_with_its_size_and_the_rest_is_imported()
    {
        var huge = new string('x', 200_000);
        var text = Digests.Header + Digests.Title(1) + "\n\n" + Digests.Abstract(1) + "\n\n" + huge + "\n\n" + Digests.Abstract(2) + "\n\n"
            + Digests.Title(3) + "\n\n" + Digests.Abstract(3) + "\n";
        var result = Parse(text);
        Assert.Equal([Digests.Title(1), Digests.Title(3)], result.Papers.Select(p => p.Title));
        var rejected = Assert.Single(result.Rejected);
        Assert.Contains("200,000 characters", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_titles_are_kept_as_plain_text_on_one_line()
    {
        var text = Digests.Header + "<script>alert(1)</script> @everyone\tFree\u000bPapers\n\n" + Digests.Abstract(1) + "\n";
        var paper = Parse(text).Papers.Single();
        Assert.Equal("<script>alert(1)</script> @everyone Free\u000bPapers", paper.Title);
        Assert.DoesNotContain('\n', paper.Title);
    }

    [Fact]
    public void The_parser_is_the_fallback_for_text_and_declines_markup()
    {
        Assert.True(new TextDigestParser().CanParse("new\n\nGet trending"u8));
        Assert.False(new TextDigestParser().CanParse("<?xml version=\"1.0\"?><rss/>"u8));
        Assert.False(new TextDigestParser().CanParse("[{\"paper\":{}}]"u8));
        Assert.Same(DocumentParsers.All[^1], DocumentParsers.Detect("plain text"u8));
    }

    [Fact]
    public void The_real_page_capture_gives_exactly_96_papers_when_it_is_present()
    {
        if (Digests.SharedCapture() is not { } path) return; // a user's clone has no shared/ folder
        var result = new TextDigestParser().Parse(File.OpenRead(path));
        Assert.Empty(result.Rejected);
        Assert.Equal(96, result.Papers.Count);
        Assert.Equal("Hyperspherical embedding for novel class classification", result.Papers[0].Title);
        Assert.Equal(96, result.Papers.Select(p => p.Id).Distinct().Count());
        Assert.All(result.Papers, p => Assert.True(p.Abstract.Length > 150));
    }

    [Fact]
    public void A_rejection_quoting_a_broken_file_is_one_line()
    {
        // Found by the end-to-end fuzzing: an XML file read as a digest quoted its line breaks into the message.
        var abstractText = string.Join(' ', Enumerable.Repeat("We study how diffusion models plan over long horizons.", 4));
        var result = Parse($"A Real Title\n\n{abstractText}\n\n</guid>\r\n<category>cs.AI</category>\n");
        Assert.All(result.Rejected, r => Assert.DoesNotContain('\n', r.ToString()));
        Assert.NotEmpty(result.Rejected);
    }
}
