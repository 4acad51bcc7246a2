using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Email.Messages;
using PaperBot.Email.Tests.Support;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests;

public class HostileInputTests
{
    private static async Task<MimeMessage> SendAsync(Paper paper, string query = "diffusion", string word = "Diffusion")
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server);
        var digest = Digest.Create(Papers.Subscription(query: query), [new DigestEntry(paper, [new MatchHit("title", word)], 1)], 20, Papers.Now);
        Assert.IsType<DeliveryResult.Sent>(await rig.Channel.SendAsync(Papers.Batch("b-1", digest), CancellationToken.None));
        return Assert.Single(server.Messages).Parse();
    }

    [Fact]
    public async Task Markup_in_a_title_is_text_and_highlighting_marks_the_escaped_text()
    {
        var message = await SendAsync(Papers.Paper(1, "<script>alert(1)</script> <b>Diffusion</b> & \"co\" <img src=x onerror=alert(1)>"));

        var html = message.HtmlBody!;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Diffusion", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;<mark style=\"background:#fde68a;color:#111;\">Diffusion</mark>&lt;/b&gt; &amp; &quot;co&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> <b>Diffusion</b>", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_breaks_in_paper_data_or_the_query_never_reach_a_header_or_start_a_line()
    {
        var message = await SendAsync(Papers.Paper(1, "Evil\r\nBcc: victim@example.org\r\n\r\nDiffusion") with { Authors = ["Ann\r\nX-Injected: 1"] },
            query: "diffusion\r\nBcc: a@b.example");

        Assert.Empty(message.Bcc);
        Assert.Null(message.Headers["X-Injected"]);
        Assert.DoesNotContain("\n", message.Subject, StringComparison.Ordinal);
        Assert.Equal("PaperBot: 1 new paper for \"diffusion Bcc: a@b.example\"", message.Subject);
        Assert.DoesNotContain("\nBcc:", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\nX-Injected", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("1. Evil Bcc: victim@example.org Diffusion", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_right_to_left_override_is_removed_and_emoji_and_other_scripts_arrive_intact()
    {
        var message = await SendAsync(Papers.Paper(1, "Diffusion \u202Egnp.exe\u202C 🚀 Модель 扩散"), query: "diffusion 🚀");

        foreach (var text in new[] { message.Subject!, message.TextBody!, message.HtmlBody! })
            Assert.DoesNotContain('\u202E', text);
        Assert.Contains("Diffusion gnp.exe 🚀 Модель 扩散", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("gnp.exe &#x1F680; Модель 扩散", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("PaperBot: 1 new paper for \"diffusion 🚀\"", message.Subject);
    }

    [Fact]
    public async Task Links_that_are_not_http_or_https_are_dropped()
    {
        var paper = Papers.Paper(1) with
        {
            Id = PaperId.FromTitle("Feed Diffusion Paper"),
            Links = new PaperLinks
            {
                Other = "javascript:alert(document.cookie)",
                Pdf = "data:text/html;base64,PHNjcmlwdD4=",
                Code = "JaVaScRiPt:alert(1)",
            },
        };

        var message = await SendAsync(paper);

        foreach (var text in new[] { message.HtmlBody!, message.TextBody! })
        {
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("<a href=\"javascript", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b style=\"font-size:16px;\">1. <mark style=\"background:#fde68a;color:#111;\">Diffusion</mark> Paper 1</b>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/a?b=1&c=\"><script>", "https://example.org/a?b=1&c=%22%3E%3Cscript%3E")]
    [InlineData("http://example.org/x", "http://example.org/x")]
    [InlineData(" https://example.org/y ", "https://example.org/y")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("vbscript:msgbox", null)]
    [InlineData("//example.org/relative", null)]
    [InlineData("ftp://example.org/file", null)]
    [InlineData("https://", null)]
    [InlineData("", null)]
    public void Safe_links_keep_absolute_http_and_https_only(string input, string? expected)
    {
        Assert.Equal(expected, SafeLink.Http(input));
    }
}
