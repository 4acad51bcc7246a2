using System.Runtime.CompilerServices;
using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Email.Messages;
using PaperBot.Email.Tests.Support;

namespace PaperBot.Email.Tests;

public class DigestMessageTests
{
    private static async Task<MimeMessage> BuildAsync(Digest digest, string key = "b-1")
    {
        await using var rig = EmailRig.With(dir => new EmailOptions { From = "PaperBot <papers@bot.example.org>", PickupDirectory = dir });
        var message = rig.Get<DigestMessageBuilder>().Build(digest, key);
        // What a receiver sees: the message as written on the wire, parsed again.
        using var wire = new MemoryStream();
        message.WriteTo(wire);
        wire.Position = 0;
        return MimeMessage.Load(wire);
    }

    [Fact]
    public async Task A_digest_is_utf8_multipart_alternative_with_text_first_then_html_best_first()
    {
        var digest = Digest.Create(Papers.Subscription(), [Papers.Entry(Papers.Paper(1, "Second Diffusion Paper"), 1), Papers.Entry(Papers.Paper(2, "Über Diffusion"), 5)], 20, Papers.Now);

        var message = await BuildAsync(digest);

        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.All(body, p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        Assert.Equal("PaperBot: 2 new papers for \"diffusion\"", message.Subject);
        Assert.True(message.TextBody!.IndexOf("Über Diffusion", StringComparison.Ordinal) < message.TextBody!.IndexOf("Second Diffusion Paper", StringComparison.Ordinal));
        Assert.True(message.HtmlBody!.IndexOf("Über", StringComparison.Ordinal) < message.HtmlBody!.IndexOf("Second", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_headers_carry_a_stable_message_id_on_the_sender_domain_and_one_click_unsubscribe()
    {
        var digest = Papers.Digest(2);

        var first = await BuildAsync(digest, "b-7f3a");
        var retry = await BuildAsync(digest with { CreatedAt = Papers.Now.AddHours(1) }, "b-7f3a");
        var other = await BuildAsync(digest, "b-9999");

        Assert.Equal("b-7f3a@bot.example.org", first.MessageId);
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
        Assert.Equal(Papers.Now, first.Date);
        Assert.Equal("papers@bot.example.org", first.From.Mailboxes.Single().Address);
        Assert.Equal("ann@example.org", first.To.Mailboxes.Single().Address);
        Assert.Equal("PaperBot <paperbot.bot.example.org>", first.Headers["List-Id"]);
        Assert.Equal($"<{TestLinks.Base}unsubscribe/token-s-test>, <mailto:papers@bot.example.org?subject=unsubscribe%20s-test>",
            first.Headers["List-Unsubscribe"]!.Replace("\r\n", "", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal).Trim());
        Assert.Equal("List-Unsubscribe=One-Click", first.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Each_paper_shows_its_title_linked_authors_highlights_upvotes_summary_links_and_why()
    {
        var paper = Papers.Paper(42, "Latent Diffusion for Video") with
        {
            Upvotes = 87,
            Summary = "A video diffusion model that is fast.",
            Links = new PaperLinks { Code = "https://github.com/example/latent-video" },
            Sources = [new Provenance(PaperSources.HuggingFace, Papers.Now)],
        };
        var digest = Digest.Create(Papers.Subscription(), [new DigestEntry(paper, [new MatchHit("title", "Diffusion"), new MatchHit("abstract", "video")], 3)], 20, Papers.Now);

        var message = await BuildAsync(digest);
        var html = message.HtmlBody!;
        var text = message.TextBody!;

        Assert.Contains("<a href=\"https://arxiv.org/abs/2603.00042\"", html, StringComparison.Ordinal);
        Assert.Contains(">diffusion</mark>", html.Replace("Diffusion</mark>", "diffusion</mark>", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Latent <mark", html, StringComparison.Ordinal);
        Assert.Contains("Ann Author, Bo Builder", html, StringComparison.Ordinal);
        Assert.Contains("87 upvotes", html, StringComparison.Ordinal);
        Assert.Contains("AI summary:</i> A <mark", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://arxiv.org/pdf/2603.00042\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://huggingface.co/papers/2603.00042\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://github.com/example/latent-video\"", html, StringComparison.Ordinal);
        Assert.Contains("why: title matched 'Diffusion'; abstract matched 'video'", text, StringComparison.Ordinal);
        Assert.Contains("why: title matched &#x27;Diffusion&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("Hugging Face: https://huggingface.co/papers/2603.00042", text, StringComparison.Ordinal);
        Assert.Contains("AI summary: A video diffusion model that is fast.", text, StringComparison.Ordinal);
        Assert.Contains("87 upvotes on Hugging Face", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hugging_face_link_is_only_derived_for_papers_hugging_face_brought()
    {
        var message = await BuildAsync(Papers.Digest(1));

        Assert.DoesNotContain("huggingface.co", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("upvotes", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_papers_with_long_abstracts_stay_under_100_kb_trimming_abstracts_before_papers()
    {
        var message = await BuildAsync(Papers.Digest(100));

        using var wire = new MemoryStream();
        message.WriteTo(wire);
        Assert.True(wire.Length < 100_000, $"{wire.Length} bytes");
        Assert.Contains("100 new papers", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Diffusion Paper 1\n", message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var shown = Enumerable.Range(1, 100).Count(i => message.TextBody!.Contains($"\n{i}. Diffusion Paper {i}", StringComparison.Ordinal));
        Assert.True(shown >= 60, $"only {shown} papers shown; abstracts should have been trimmed first");
        Assert.Contains("We study diffusion models for topic 1.", message.TextBody, StringComparison.Ordinal);
        if (shown < 100) Assert.Contains($"…and {100 - shown} more: {TestLinks.Base}manage/", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_even_bare_papers_do_not_fit_the_last_ones_are_left_out_and_counted_with_a_link_to_manage()
    {
        var huge = string.Concat(Enumerable.Repeat("Diffusion ", 150));
        var digest = Digest.Create(Papers.Subscription(), Enumerable.Range(1, 100).Select(i => Papers.Entry(Papers.Paper(i, $"{i} {huge}"), 100 - i)), 100, Papers.Now);

        var message = await BuildAsync(digest);

        using var wire = new MemoryStream();
        message.WriteTo(wire);
        Assert.True(wire.Length < 100_000, $"{wire.Length} bytes");
        var shown = Enumerable.Range(1, 100).Count(i => message.TextBody!.Contains($"\n{i}. {i} Diffusion", StringComparison.Ordinal));
        Assert.InRange(shown, 1, 99);
        Assert.Contains($"…and {100 - shown} more: {TestLinks.Base}manage/token-ann%40example.org", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{TestLinks.Base}manage/token-ann%40example.org\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("100 new papers", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_over_the_planned_cap_says_how_many_more()
    {
        var digest = Papers.Digest(25, maxItems: 20);

        var message = await BuildAsync(digest);

        Assert.Contains("…and 5 more", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&hellip;and 5 more", message.HtmlBody!.Replace("…", "&hellip;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("PaperBot: 25 new papers for \"diffusion\"", message.Subject);
    }

    [Fact]
    public async Task Digests_sharing_papers_number_them_by_their_own_order_and_show_a_changed_paper_as_it_is_now()
    {
        await using var rig = EmailRig.With(dir => new EmailOptions { From = "PaperBot <papers@bot.example.org>", PickupDirectory = dir });
        var builder = rig.Get<DigestMessageBuilder>();
        var (one, two, three) = (Papers.Paper(1), Papers.Paper(2), Papers.Paper(3));
        var first = Digest.Create(Papers.Subscription(), [Papers.Entry(one, 3), Papers.Entry(two, 2), Papers.Entry(three, 1)], 100, Papers.Now);
        var reordered = Digest.Create(Papers.Subscription(), [Papers.Entry(three, 3), Papers.Entry(one with { Title = "Diffusion Paper 1, revised" }, 2)], 100, Papers.Now);

        var a = Reparse(builder.Build(first, "b-1"));
        var b = Reparse(builder.Build(reordered, "b-2"));

        Assert.Contains("\n1. Diffusion Paper 1\n", a.TextBody, StringComparison.Ordinal);
        Assert.Contains("\n3. Diffusion Paper 3\n", a.TextBody, StringComparison.Ordinal);
        Assert.Contains("\n1. Diffusion Paper 3\n", b.TextBody, StringComparison.Ordinal);
        Assert.Contains("\n2. Diffusion Paper 1, revised\n", b.TextBody, StringComparison.Ordinal);
        Assert.Contains(">1. <a href=\"https://arxiv.org/abs/2603.00003\">", b.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Diffusion</mark> Paper 1</a>", b.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_in_chinese_goes_as_base64_under_the_cap_and_a_latin_one_as_quoted_printable()
    {
        const string Sentence = "我们提出一种新的扩散模型，用于高分辨率图像编辑，并在多个基准上取得了更好的结果。";
        var chinese = Digest.Create(Papers.Subscription(), Enumerable.Range(1, 30)
            .Select(i => Papers.Entry(Papers.Paper(i, $"扩散模型 Diffusion 研究 {i}", string.Concat(Enumerable.Repeat(Sentence, 20))), 30 - i)), 100, Papers.Now);
        await using var rig = EmailRig.With(dir => new EmailOptions { From = "PaperBot <papers@bot.example.org>", PickupDirectory = dir });
        var builder = rig.Get<DigestMessageBuilder>();

        var built = builder.Build(chinese, "b-zh");
        var latin = Reparse(builder.Build(Papers.Digest(3), "b-en"));

        Assert.InRange(MessageSize.Of(built), 1, DigestMessageBuilder.MaxBytes);
        var message = Reparse(built);
        Assert.All(message.BodyParts.OfType<TextPart>(), p => Assert.Equal(ContentEncoding.Base64, p.ContentTransferEncoding));
        Assert.Contains("\n1. 扩散模型 Diffusion 研究 1\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(Sentence[..20], message.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Diffusion</mark> 研究 1</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.All(latin.BodyParts.OfType<TextPart>(), p => Assert.Equal(ContentEncoding.QuotedPrintable, p.ContentTransferEncoding));
    }

    [Fact]
    public async Task A_sent_digest_is_not_kept_alive_by_the_builder_that_made_it()
    {
        await using var rig = EmailRig.With(dir => new EmailOptions { From = "PaperBot <papers@bot.example.org>", PickupDirectory = dir });
        var builder = rig.Get<DigestMessageBuilder>();

        var built = BuildAndForget(builder);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(built.TryGetTarget(out _), "the builder still holds a message it built (an event subscription on a shared header value)");
        Assert.Equal("\"PaperBot\" <papers@bot.example.org>", builder.Build(Papers.Digest(1), "b-2").From.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<MimeMessage> BuildAndForget(DigestMessageBuilder builder) => new(builder.Build(Papers.Digest(1), "b-1"));

    private static MimeMessage Reparse(MimeMessage message)
    {
        using var wire = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, wire);
        wire.Position = 0;
        return MimeMessage.Load(wire);
    }
}
