using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Tests.Rendering;

public class HostileRenderingTests
{
    private static Paper Paper(string title, string text = "An abstract.", string? url = null, int? upvotes = null, params string[] authors) => new()
    {
        Id = PaperId.Parse("2603.00001"), Title = title, Abstract = text, Authors = authors, Upvotes = upvotes,
        Links = new PaperLinks { Abstract = url }, Categories = ["cs.LG"],
    };

    private static IEnumerable<string> Texts(Embed e) =>
        new[] { e.Title, e.Description, e.Footer?.Text }.Concat(e.Fields?.SelectMany(f => new[] { f.Name, f.Value }) ?? []).OfType<string>();

    private static void WithinLimits(Embed e)
    {
        Assert.InRange(e.Title?.Length ?? 0, 0, DiscordLimits.Title);
        Assert.InRange(e.Description?.Length ?? 0, 0, DiscordLimits.Description);
        Assert.InRange(e.Footer?.Text.Length ?? 0, 0, DiscordLimits.Footer);
        Assert.InRange(e.Fields?.Count ?? 0, 0, DiscordLimits.Fields);
        Assert.All(e.Fields ?? [], f =>
        {
            Assert.InRange(f.Name.Length, 1, DiscordLimits.FieldName);
            Assert.InRange(f.Value.Length, 1, DiscordLimits.FieldValue);
        });
    }

    [Fact]
    public void Mentions_in_titles_abstracts_and_authors_ping_no_one()
    {
        var e = DiscordRenderer.PaperEmbed(Paper("@everyone look <@123> <@&42> @here", "Hi <@!99> and @everyone", null, null, "@here Bob"), []);

        var all = string.Concat(Texts(e));
        foreach (var mention in new[] { "@everyone", "@here", "<@123>", "<@&42>", "<@!99>" }) Assert.DoesNotContain(mention, all, StringComparison.Ordinal);
        Assert.Contains("@\u200beveryone", e.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Discord_markdown_in_paper_text_is_escaped_so_it_shows_as_typed()
    {
        var e = DiscordRenderer.PaperEmbed(Paper("**Bold** _it_ ~~s~~ `code` ||spoiler|| [link](https://evil.example)", "# Heading\n> quote\n- item\nC:\\path"), []);

        Assert.Equal(@"\*\*Bold\*\* \_it\_ \~\~s\~\~ \`code\` \|\|spoiler\|\| \[link\](https://evil.example)", e.Title);
        Assert.Equal("\\# Heading\n\\> quote\n\\- item\nC:\\\\path", e.Description);
    }

    [Fact]
    public void Matched_words_are_bold_as_whole_words_in_any_case()
    {
        var e = DiscordRenderer.PaperEmbed(Paper("Diffusion models for diffusion-based editing, not diffusions"), [new MatchHit("title", "diffusion")]);

        Assert.Equal("**Diffusion** models for **diffusion**-based editing, not diffusions", e.Title);
        Assert.Equal("diffusion (title)", e.Fields!.Single(f => f.Name == "Matched").Value);
    }

    [Fact]
    public void Carriage_returns_and_control_characters_never_reach_a_title()
    {
        var e = DiscordRenderer.PaperEmbed(Paper("Line one\r\nLine two\u0007\u001b[31m\u2028end", "A\r\nB"), []);

        Assert.Equal("Line one Line two  \\[31m end", e.Title);
        Assert.Equal("A\nB", e.Description);
    }

    [Fact]
    public void Very_long_text_is_cut_within_every_limit_without_splitting_an_escape_or_a_bold_word()
    {
        var title = string.Concat(Enumerable.Repeat("*diffusion* ", 100));
        var text = string.Concat(Enumerable.Repeat("x_y ", 3000)) + "diffusion";
        var e = DiscordRenderer.PaperEmbed(Paper(title, text, null, 12345, [.. Enumerable.Range(0, 500).Select(i => $"Author {i}")]),
            [new MatchHit("title", "diffusion"), new MatchHit("abstract", string.Concat(Enumerable.Repeat("long ", 400)))]);

        WithinLimits(e);
        Assert.EndsWith("…", e.Title, StringComparison.Ordinal);
        Assert.False(e.Title!.TrimEnd('…').EndsWith('\\'));
        Assert.Equal(1, e.Title.Split("**").Length % 2); // bold markers come in pairs
        Assert.Equal("12,345", e.Fields!.Single(f => f.Name == "Upvotes").Value);
        Assert.Contains("et al.", e.Fields!.Single(f => f.Name == "Authors").Value, StringComparison.Ordinal);
        Assert.StartsWith("…", e.Description, StringComparison.Ordinal); // a snippet around the match, not the abstract's start
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/paper")]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    public void Only_http_and_https_links_become_embed_urls(string url)
    {
        var e = DiscordRenderer.PaperEmbed(Paper("T", url: url) with { Id = PaperId.Parse("url:" + url) }, []);

        Assert.Null(e.Url);
    }

    [Fact]
    public void A_hostile_digest_of_many_long_papers_stays_within_every_message_limit()
    {
        var sub = new Subscription { Id = "s", Subscriber = Subscriber.DiscordChannel("1", "2"), Query = "**x** @everyone <@1>", Confirmed = true };
        var entries = Enumerable.Range(0, 40).Select(i => new DigestEntry(
            Paper(new string('#', 300) + i, new string('*', 6000), "https://arxiv.org/abs/2603.00001", i, [.. Enumerable.Range(0, 50).Select(a => new string('_', 40))]),
            [new MatchHit("title", "x")], 1)).ToList();

        var messages = DiscordRenderer.Render(new DeliveryBatch("b", BatchKind.Digest, sub, entries, 3, DateTimeOffset.UnixEpoch));

        Assert.All(messages, m =>
        {
            Assert.InRange(m.Embeds.Count, 1, DiscordLimits.EmbedsPerMessage);
            Assert.InRange(m.Embeds.Sum(DiscordLimits.Length), 1, DiscordLimits.EmbedTotal);
            Assert.InRange(m.Content.Length, 0, DiscordLimits.Content);
            Assert.All(m.Embeds, WithinLimits);
            Assert.Equal(AllowedMentions.None, m.ToCreate().AllowedMentions);
        });
        Assert.Equal(40, messages.Sum(m => m.Embeds.Count));
        Assert.DoesNotContain("@everyone", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains(@"\*\*x\*\*", messages[0].Content, StringComparison.Ordinal);
    }
}
