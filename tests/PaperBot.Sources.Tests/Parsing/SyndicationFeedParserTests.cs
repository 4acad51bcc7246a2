using PaperBot.Core.Papers;
using PaperBot.Sources.Feeds;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

public sealed class SyndicationFeedParserTests
{
    private static readonly SyndicationFeedParser Parser = new();

    [Fact]
    public void An_atom_entry_linking_to_arxiv_is_keyed_by_its_arxiv_id()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/blog-atom.xml"));

        Assert.False(result.IsFailure);
        var p = result.Papers[0];
        Assert.Equal(PaperId.Parse("2402.12001"), p.Id);
        Assert.Equal(2, p.Version);
        Assert.Equal("Our new paper: Widgets at Scale", p.Title);
        Assert.Equal("We scale widgets to billions of parameters.", p.Abstract);
        Assert.Equal(["Carol Chen"], p.Authors);
        Assert.Equal("https://arxiv.org/abs/2402.12001", p.Links.Abstract);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero), p.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 9, 30, 0, TimeSpan.Zero), p.UpdatedAt);
    }

    [Fact]
    public void An_atom_entry_without_arxiv_is_keyed_by_its_link_and_reads_html_content()
    {
        var p = Parser.Parse(FixtureFiles.Open("sources/blog-atom.xml")).Papers[1];

        Assert.Equal(PaperId.FromUrl("https://blog.widgetlab.example/2024/02/notes-on-evaluating-widgets"), p.Id);
        Assert.False(p.Id.IsArxiv);
        Assert.Equal("Evaluating widgets is hard. Here is how we do it.", p.Abstract);
        Assert.Equal(["Dana Scott", "Ada Lovelace"], p.Authors);
        Assert.Equal(["evaluation"], p.Categories);
        Assert.Equal("https://blog.widgetlab.example/2024/02/notes-on-evaluating-widgets", p.Links.Other);
    }

    [Fact]
    public void An_rss_item_reads_dublin_core_creators_and_double_escaped_entities()
    {
        var p = Parser.Parse(FixtureFiles.Open("sources/journal-rss.xml")).Papers[0];

        Assert.Equal("Widget Stability under Load & Heat", p.Title);
        Assert.Equal("We measure widget stability.", p.Abstract);
        Assert.Equal(["Katherine Johnson", "Dorothy Vaughan", "Mary Jackson"], p.Authors);
        Assert.Equal(["Stability"], p.Categories);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 5, 0, 0, TimeSpan.Zero), p.PublishedAt);
    }

    [Fact]
    public void An_unreadable_rss_date_costs_the_item_its_date_not_the_feed()
    {
        var result = Parser.Parse(FixtureFiles.Open("sources/journal-rss.xml"));

        Assert.Equal(3, result.Papers.Count);
        Assert.Equal("A Date Nobody Can Read", result.Papers[1].Title);
        Assert.Null(result.Papers[1].PublishedAt);
        Assert.Equal(PaperId.Parse("2402.12345"), result.Papers[2].Id);
    }
}
