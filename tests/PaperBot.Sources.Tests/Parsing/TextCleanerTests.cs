using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Tests.Parsing;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("Line one\n  line two", "Line one line two")]
    [InlineData("<b>Bold</b> &amp; <i>italic</i>", "Bold & italic")]
    [InlineData("&lt;i&gt;escaped twice&lt;/i&gt;", "escaped twice")]
    [InlineData("first<br/>second", "first second")]
    [InlineData("$a<b$ and $x > y$", "$a<b$ and $x > y$")]
    [InlineData("TeX \\emph{kept} $\\alpha$", "TeX \\emph{kept} $\\alpha$")]
    [InlineData("tab\tand\u0000control", "tab andcontrol")]
    [InlineData("  ", "")]
    public void Text_is_one_clean_paragraph(string raw, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(raw));
    }

    [Theory]
    [InlineData("Ada Lovelace, Alan Turing and Grace Hopper", new[] { "Ada Lovelace", "Alan Turing", "Grace Hopper" })]
    [InlineData("Dana Scott and Edsger Dijkstra", new[] { "Dana Scott", "Edsger Dijkstra" })]
    [InlineData("Ada Lovelace, Alan Turing, and Grace Hopper", new[] { "Ada Lovelace", "Alan Turing", "Grace Hopper" })]
    [InlineData("Carol Chen", new[] { "Carol Chen" })]
    public void Author_lists_split_on_commas_and_a_final_and(string raw, string[] expected)
    {
        Assert.Equal(expected, EntryRules.SplitAuthors(raw));
    }

    [Theory]
    [InlineData("2024-02-22T18:59:01Z")]
    [InlineData("Fri, 23 Feb 2024 00:00:00 -0500")]
    [InlineData("Mon, 04 Mar 2024 05:00:00 GMT")]
    public void Iso_and_rfc822_dates_parse(string text)
    {
        Assert.NotNull(EntryRules.ParseDate(text));
    }

    [Fact]
    public void An_rfc822_numeric_offset_is_honoured()
    {
        Assert.Equal(new DateTimeOffset(2024, 2, 23, 5, 0, 0, TimeSpan.Zero), EntryRules.ParseDate("Fri, 23 Feb 2024 00:00:00 -0500")!.Value.ToUniversalTime());
    }
}
