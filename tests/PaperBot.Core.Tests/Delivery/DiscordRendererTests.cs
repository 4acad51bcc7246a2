using PaperBot.Core.Delivery;
using PaperBot.Core.Delivery.Discord;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Tests.Delivery;

public class DiscordRendererTests
{
    private static readonly Subscription Sub = new()
    {
        Id = "s-1", Subscriber = Subscriber.DiscordChannel("1", "2"), Query = "diffusion @everyone", Confirmed = true,
    };

    private static DeliveryBatch Batch(int papers, string title = "A paper", string text = "An abstract.", int more = 0) => new(
        "b-1", BatchKind.Digest, Sub,
        Enumerable.Range(0, papers).Select(i => new DigestEntry(
            new Paper { Id = PaperId.Parse($"2603.{i:D5}"), Title = title, Abstract = text }, [new MatchHit("title", "diffusion")], 1)).ToList(),
        more, DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_big_digest_is_split_into_messages_of_at_most_ten_embeds_within_the_total()
    {
        var messages = DiscordRenderer.Render(Batch(25, new string('T', 400), new string('x', 5000), more: 7));

        Assert.Equal([10, 10, 5], messages.Select(m => m.Embeds.Count));
        Assert.All(messages, m =>
        {
            Assert.True(m.Embeds.Sum(e => e.Length) <= DiscordLimits.EmbedTotal);
            Assert.True(m.Content.Length <= DiscordLimits.Content);
            Assert.All(m.Embeds, e => Assert.True(e.Title.Length <= DiscordLimits.Title && e.Description.Length <= DiscordLimits.Description));
        });
        Assert.Contains("Digest", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("…and 7 more", messages[^1].Content, StringComparison.Ordinal);
        Assert.Contains("/digest", messages[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_message_has_its_own_stable_nonce_within_discords_length()
    {
        var a = DiscordRenderer.Render(Batch(15));
        var b = DiscordRenderer.Render(Batch(15));

        Assert.Equal(a.Select(m => m.Nonce), b.Select(m => m.Nonce));
        Assert.Equal(2, a.Select(m => m.Nonce).Distinct().Count());
        Assert.All(a, m => Assert.InRange(m.Nonce.Length, 1, DiscordLimits.Nonce));
    }

    [Fact]
    public void Text_from_papers_and_queries_never_mentions_anyone_nor_carries_control_characters()
    {
        var m = Assert.Single(DiscordRenderer.Render(Batch(1, "Hi @here <@123> \u001b[31m\r\nred", "ping <@&42> and @everyone\u0007")));

        var all = m.Content + string.Concat(m.Embeds.Select(e => e.Title + e.Description));
        Assert.DoesNotContain("@everyone", all, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", all, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&42>", all, StringComparison.Ordinal);
        Assert.DoesNotContain(all, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain('\n', m.Embeds[0].Title);
    }

    [Fact]
    public void An_empty_digest_is_one_short_note()
    {
        var m = Assert.Single(DiscordRenderer.Render(Batch(0)));
        Assert.Empty(m.Embeds);
        Assert.StartsWith("Nothing new", m.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var cut = DiscordText.Cut(new string('a', 254) + "😀😀", 256);
        Assert.Equal(255, cut.Length);
        Assert.EndsWith("a…", cut, StringComparison.Ordinal);
    }
}
