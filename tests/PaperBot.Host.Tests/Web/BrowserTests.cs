using Microsoft.Playwright;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Tests.Web.Support;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Web;

/// <summary>One real browser (Playwright driving Debian's Chromium, loopback only) through the whole subscriber journey.</summary>
public sealed class BrowserTests
{
    [ChromiumFact]
    public async Task A_reader_subscribes_in_the_browser_confirms_from_the_mail_and_leaves_from_the_unsubscribe_link()
    {
        await using var web = await WebHost.StartAsync(kestrelPort: LoopbackPort.Free());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            // No lookups or traffic beyond the loopback server.
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        });
        await using var context = await browser.NewContextAsync(new() { TimezoneId = "Asia/Tokyo" });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") scriptErrors.Add($"{message.Text} {message.Location}"); };

        await page.GotoAsync(web.BaseUrl + "/");
        await page.GetByLabel("Email").FillAsync("reader@example.org");
        await page.GetByLabel("Query", new() { Exact = true }).FillAsync("\"image editing");
        await Assertions.Expect(page.Locator("[data-query-status]")).ToContainTextAsync("unclosed");
        await page.GetByLabel("Query", new() { Exact = true }).FillAsync("\"image editing\" OR inpainting");
        await Assertions.Expect(page.Locator("[data-query-status]")).ToContainTextAsync("valid");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Asia/Tokyo");
        await page.GetByLabel("Weekly", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Day for weekly mail").SelectOptionAsync("Friday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("reader@example.org");

        var mail = Assert.Single(web.Mailer.Sent);
        Assert.Equal(("Asia/Tokyo", DeliveryMode.Weekly, DayOfWeek.Friday), (mail.Subscription.TimeZone, mail.Subscription.Mode, mail.Subscription.WeeklyDay));
        await page.GotoAsync(mail.ConfirmLink.AbsoluteUri);
        await Assertions.Expect(page.Locator("#confirmed")).ToContainTextAsync("\"image editing\" OR inpainting");
        Assert.True(web.Store.Find(mail.Subscription.Id)!.IsActive);

        await page.GetByRole(AriaRole.Link, new() { Name = "Unsubscribe" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are unsubscribed" })).ToBeVisibleAsync();
        Assert.Null(web.Store.Find(mail.Subscription.Id));
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }
}
