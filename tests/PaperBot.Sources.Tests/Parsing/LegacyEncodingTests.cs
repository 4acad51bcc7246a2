using PaperBot.Sources.Feeds;
using PaperBot.Sources.Parsing;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

/// <summary>The fixtures under feeds/encodings are written in their encodings by <c>make.py</c> beside them.</summary>
public sealed class LegacyEncodingTests
{
    private const string Latin = "Café Widgets – “Smart” Naïve Bayes";
    private const string Russian = "Новые методы для виджетов";

    private static readonly SyndicationFeedParser Parser = new();

    [Theory]
    [InlineData("windows-1252.xml", Latin)]
    [InlineData("iso-8859-7.xml", "Νέες μέθοδοι για widgets")]
    [InlineData("koi8-r.xml", Russian)]
    [InlineData("big5.xml", "深度學習的新方法")]
    [InlineData("euc-kr.xml", "심층 학습의 새로운 방법")]
    [InlineData("shift_jis.xml", "深層学習の新しい方法")]
    [InlineData("utf-16.xml", "Widgets in UTF-16: Ωμέγα")]
    public void A_title_in_the_encoding_the_xml_declaration_names_decodes_correctly(string file, string title)
    {
        var result = Parser.Parse(FixtureFiles.Open("feeds/encodings/" + file));

        Assert.False(result.IsFailure, result.Error);
        Assert.Equal(title, Assert.Single(result.Papers).Title);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_in_a_document_that_declares_nothing_are_read_as_windows_1252()
    {
        Assert.Equal(Latin, Assert.Single(Parser.Parse(FixtureFiles.Open("feeds/encodings/undeclared-windows-1252.xml")).Papers).Title);
    }

    [Fact]
    public void The_http_charset_decides_when_the_document_declares_nothing()
    {
        var result = Parser.Parse(FixtureFiles.Bytes("feeds/encodings/undeclared-koi8-r.xml"), "koi8-r");

        Assert.Equal(Russian, Assert.Single(result.Papers).Title);
    }

    [Fact]
    public void The_http_charset_outranks_the_xml_declaration_and_a_byte_order_mark_outranks_both()
    {
        var koi8 = FixtureFiles.Bytes("feeds/encodings/koi8-r.xml");
        var utf16 = FixtureFiles.Bytes("feeds/encodings/utf-16.xml");

        Assert.Equal(Russian, Parser.Parse(koi8, "KOI8-R").Papers.Single().Title);
        Assert.NotEqual(Russian, Parser.Parse(koi8, "windows-1251").Papers.Single().Title);
        Assert.Equal("Widgets in UTF-16: Ωμέγα", Parser.Parse(utf16, "iso-8859-1").Papers.Single().Title);
    }

    [Fact]
    public void An_unknown_http_charset_is_ignored_in_favour_of_the_declaration()
    {
        Assert.Equal(Russian, Parser.Parse(FixtureFiles.Bytes("feeds/encodings/koi8-r.xml"), "x-unheard-of").Papers.Single().Title);
    }

    [Theory]
    [InlineData("windows-1252.xml")]
    [InlineData("big5.xml")]
    [InlineData("utf-16.xml")]
    public void A_legacy_encoded_feed_is_detected_as_a_feed(string file)
    {
        var bytes = FixtureFiles.Bytes("feeds/encodings/" + file);

        Assert.Equal("feed", DocumentParsers.Detect(bytes)?.Format);
    }
}
