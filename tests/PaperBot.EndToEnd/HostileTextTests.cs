using System.Text;
using System.Text.Json.Nodes;
using PaperBot.EndToEnd.Harness;

namespace PaperBot.EndToEnd;

/// <summary>Paper text written by an attacker, arriving through the sources, on its way to every place it is shown.</summary>
public sealed partial class HostileTextTests
{
    private const string Carol = "carol@example.org";

    [Fact]
    public async Task Line_breaks_html_and_mentions_in_paper_text_reach_email_headers_and_html_discord_and_the_papers_page_inert()
    {
        await using var d = await Deployment.CreateAsync(seed: 53);
        await d.StartWithBaselineAsync();
        await d.SubscribeEmailAsync(Carol, "robotics");
        await d.SubscribeChannelAsync(DiscordInteractions.Channel, "robotics");

        var viaJson = d.Shelf.Publish(ShelfSource.HuggingFace,
            "Robotics\r\nBcc: victim@evil.example\r\nX-Injected: yes <script>alert(1)</script> @everyone <@&42> [click](javascript:alert(1))",
            "Robotics abstract\r\nSubject: pwned\n<iframe src=\"https://evil.example\"></iframe> @here", "robotics");
        var viaRss = d.Shelf.Publish(ShelfSource.Journal, "<img src=x onerror=alert(1)> robotics @everyone\u202Egnp.exe",
            "<b>robotics</b>\nBcc: second@evil.example", "robotics");
        var expected = Delivered.Sorted([viaJson, viaRss]);

        await d.EventuallyAsync(() => Delivered.ToEmail(d, Carol).Count >= 2 && Delivered.ToDiscordChannel(d, DiscordInteractions.Channel).Count >= 2,
            TimeSpan.FromSeconds(30), "both papers to both places");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(expected, Delivered.ToEmail(d, Carol).Order());
        Assert.Equal(expected, Delivered.ToDiscordChannel(d, DiscordInteractions.Channel).Order());

        foreach (var raw in d.Smtp.Messages.Where(m => m.To.Contains(Carol)))
        {
            var message = raw.Parse();
            Assert.Equal([Carol], message.To.Mailboxes.Select(m => m.Address));
            Assert.Empty(message.Bcc);
            Assert.Empty(message.Cc);
            Assert.Null(message.Headers["X-Injected"]);
            Assert.DoesNotContain('\n', message.Subject ?? "");
            // No line of the whole message, headers or body, starts as an injected header would.
            var lines = Encoding.UTF8.GetString(raw.Raw).Split("\r\n");
            Assert.DoesNotContain(lines, l => l.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase) || l.StartsWith("X-Injected", StringComparison.OrdinalIgnoreCase)
                || l.StartsWith("Subject: pwned", StringComparison.OrdinalIgnoreCase));
            var html = message.HtmlBody ?? "";
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase); // as text it is inert
            Assert.DoesNotContain('\u202E', html + message.TextBody + message.Subject);
        }

        foreach (var m in d.Discord.MessagesIn(DiscordInteractions.Channel))
        {
            var parse = Assert.IsType<JsonArray>(m.Body["allowed_mentions"]?["parse"], exactMatch: false);
            Assert.Empty(parse); // @everyone, @here and role mentions ping no one
            // Markdown escaped: no link Discord would render from the title.
            Assert.DoesNotContain(Strings(m.Body), t => UnescapedLink().IsMatch(t));
            Assert.DoesNotContain(Strings(m.Body), t => t.Contains('\u202E', StringComparison.Ordinal));
        }

        using var http = new HttpClient { BaseAddress = d.WebUri };
        var page = await http.GetStringAsync(new Uri("/papers?q=robotics", UriKind.Relative));
        Assert.Contains($"E2E paper {viaJson.Serial}:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal); // only the page's own <script src=…>
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", page, StringComparison.Ordinal);
        Assert.Contains("&lt;@&amp;42&gt;", page, StringComparison.Ordinal); // what is left of the markup after ingest, encoded
        Assert.DoesNotContain('\u202E', page);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\)\]\(javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex UnescapedLink();
}
