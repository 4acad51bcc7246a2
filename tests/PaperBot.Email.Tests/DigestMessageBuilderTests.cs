using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;
using PaperBot.Testing;

namespace PaperBot.Email.Tests;

public class DigestMessageBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);

    private static readonly Subscription Subscription = new()
    {
        Id = "s-test", Subscriber = Subscriber.Email("ann@example.org"), Query = "diffusion", Confirmed = true, CreatedAt = Now,
    };

    private static DigestEntry Entry(string title, double score = 1) => new(
        new Paper { Id = PaperId.FromTitle(title), Title = title, Abstract = "An abstract about diffusion.", Authors = ["Ann", "Bo"] },
        [new MatchHit("title", "diffusion")], score);

    [Fact]
    public void A_digest_is_a_utf8_multipart_message_with_text_and_html_best_first()
    {
        var digest = Digest.Create(Subscription, [Entry("Second Diffusion Paper", 1), Entry("Über Diffusion", 5)], 20, Now);

        var message = new DigestMessageBuilder(new EmailOptions { From = "PaperBot <bot@example.org>" }).Build(digest);

        Assert.Equal("bot@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("ann@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("PaperBot: 2 new papers for \"diffusion\"", message.Subject);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.True(message.TextBody!.IndexOf("Über Diffusion", StringComparison.Ordinal) < message.TextBody.IndexOf("Second Diffusion Paper", StringComparison.Ordinal));
        Assert.Contains("matched: diffusion (title)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_id_is_the_same_for_the_same_digest_and_differs_for_another()
    {
        var builder = new DigestMessageBuilder(new EmailOptions());
        var a = builder.Build(Digest.Create(Subscription, [Entry("One")], 20, Now));
        var b = builder.Build(Digest.Create(Subscription, [Entry("One")], 20, Now.AddHours(1)));
        var c = builder.Build(Digest.Create(Subscription, [Entry("Two")], 20, Now));
        Assert.Equal(a.MessageId, b.MessageId);
        Assert.NotEqual(a.MessageId, c.MessageId);
    }

    [Fact]
    public void A_digest_over_the_cap_says_how_many_more()
    {
        var digest = Digest.Create(Subscription, Enumerable.Range(1, 25).Select(i => Entry($"Paper {i}", i)), 20, Now);
        var message = new DigestMessageBuilder(new EmailOptions()).Build(digest);
        Assert.Equal(5, digest.MoreCount);
        Assert.Contains("…and 5 more.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("PaperBot: 25 new papers", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_titles_cannot_inject_headers_or_markup()
    {
        var hostile = "Evil\r\nBcc: victim@example.org\r\n<script>alert(1)</script><img src=x onerror=alert(1)>";
        var digest = Digest.Create(Subscription with { Query = "x\r\nBcc: a@b.c" }, [Entry(hostile)], 20, Now);

        var message = new DigestMessageBuilder(new EmailOptions()).Build(digest);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var reparsed = MimeMessage.Load(new MemoryStream(stream.ToArray()));

        Assert.Empty(reparsed.Bcc);
        Assert.DoesNotContain("\n", reparsed.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", reparsed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", reparsed.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\nBcc:", reparsed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pickup_writer_leaves_one_complete_eml_per_message_id()
    {
        using var dir = new TempDirectory();
        var writer = new PickupDirectoryWriter(dir.File("outbox"));
        var message = new DigestMessageBuilder(new EmailOptions()).Build(Digest.Create(Subscription, [Entry("One")], 20, Now));

        var first = writer.Write(message);
        var second = writer.Write(message);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(dir.File("outbox")));
        Assert.Equal(message.MessageId, MimeMessage.Load(first).MessageId);
    }
}
