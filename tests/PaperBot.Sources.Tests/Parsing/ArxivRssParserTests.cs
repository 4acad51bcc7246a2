using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Parsing;

public sealed class ArxivRssParserTests
{
    private static readonly ArxivRssParser Parser = new();

    [Fact]
    public void Each_item_keeps_its_announce_type()
    {
        var listing = Parser.ParseListing(FixtureFiles.Open("sources/arxiv-rss-cs.AI.xml"));

        Assert.Null(listing.Error);
        Assert.False(listing.NoAnnouncement);
        Assert.Equal(["new", "cross", "replace", "replace-cross"], listing.Announcements.Select(a => a.AnnounceType));
    }

    [Fact]
    public void A_new_item_is_mapped_from_guid_description_and_dublin_core_creators()
    {
        var p = Parser.ParseListing(FixtureFiles.Open("sources/arxiv-rss-cs.AI.xml")).Announcements[0].Paper;

        Assert.Equal(PaperId.Parse("2402.12345"), p.Id);
        Assert.Equal(1, p.Version);
        Assert.Equal("Learning to Reason with Small Models", p.Title);
        Assert.Equal("We show that small models can reason when trained on well-chosen curricula.", p.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], p.Authors);
        Assert.Equal(["cs.AI", "cs.LG"], p.Categories);
        Assert.Equal("https://arxiv.org/abs/2402.12345", p.Links.Abstract);
        Assert.Equal(new DateTimeOffset(2024, 2, 23, 0, 0, 0, TimeSpan.FromHours(-5)), p.PublishedAt);
    }

    [Fact]
    public void A_replacement_carries_its_new_version_and_journal_metadata()
    {
        var announcements = Parser.ParseListing(FixtureFiles.Open("sources/arxiv-rss-cs.AI.xml")).Announcements;

        Assert.Equal(2, announcements[2].Paper.Version);
        Assert.Equal(["Dana Scott", "Edsger Dijkstra"], announcements[2].Paper.Authors);
        var cross = announcements[3].Paper;
        Assert.Equal(3, cross.Version);
        Assert.Equal("10.5802/jep.257", cross.Links.Doi);
        Assert.Equal("Journal de l'\\'Ecole polytechnique - Math\\'ematiques, Tome 11 (2024), pp. 431-472", cross.JournalRef);
        Assert.Equal("We consider ... $\\min \\int_{\\mathbb{R}^N}f(u,\\nabla u)$ under a mass constraint.", cross.Abstract);
        Assert.Equal(["Antonin Monteil", "Paul Pegon"], cross.Authors);
    }

    [Fact]
    public void An_empty_weekend_channel_is_a_success_flagged_as_no_announcement()
    {
        var listing = Parser.ParseListing(FixtureFiles.Open("sources/arxiv-rss-weekend.xml"));

        Assert.Null(listing.Error);
        Assert.True(listing.NoAnnouncement);
        Assert.Empty(listing.Announcements);
    }

    [Fact]
    public void The_atom_variant_of_the_listing_is_read_the_same_way()
    {
        var announcement = Assert.Single(Parser.ParseListing(FixtureFiles.Open("sources/arxiv-atom-listing.xml")).Announcements);

        Assert.Equal("new", announcement.AnnounceType);
        Assert.Equal(PaperId.Parse("2402.12345"), announcement.Paper.Id);
        Assert.Equal(1, announcement.Paper.Version);
        Assert.Equal("We show that small models can reason.", announcement.Paper.Abstract);
        Assert.Equal(["Ada Lovelace", "Alan Turing", "Grace Hopper"], announcement.Paper.Authors);
    }

    [Fact]
    public void A_pre_2024_title_suffix_is_stripped()
    {
        const string rss = """
            <rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><title>old</title>
            <item><title>Old Style Title. (arXiv:2301.00001v1 [cs.AI])</title><link>http://arxiv.org/abs/2301.00001</link>
            <description>&lt;p&gt;An old abstract.&lt;/p&gt;</description></item></channel></rss>
            """;

        var announcement = Assert.Single(Parser.ParseListing(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(rss))).Announcements);

        Assert.Equal("Old Style Title.", announcement.Paper.Title);
        Assert.Equal("An old abstract.", announcement.Paper.Abstract);
        Assert.Equal("new", announcement.AnnounceType);
    }
}
