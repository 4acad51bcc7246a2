using System.Net;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Tokens;
using PaperBot.Host.Tests.Web.Support;
using PaperBot.Host.Web.Links;

namespace PaperBot.Host.Tests.Web;

/// <summary><c>/confirm</c>, <c>/manage</c> and <c>/unsubscribe</c> through the test server: what each signed link
/// does, and every token that must open nothing.</summary>
public sealed class LinkPagesTests : IAsyncLifetime
{
    private WebHost _web = null!;

    public async Task InitializeAsync() => _web = await WebHost.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static KeyValuePair<string, string>[] EditFields(string query, string mode = "daily", string time = "08:00", string zone = "UTC") =>
        [new("query", query), new("mode", mode), new("time", time), new("day", "Monday"), new("timezone", zone)];

    [Fact]
    public async Task The_confirmation_link_activates_the_subscription_and_shows_it_with_manage_and_unsubscribe_links()
    {
        await _web.SubscribeAsync("ann@example.org", "diffusion <b>models</b>");
        var mail = Assert.Single(_web.Mailer.Sent);

        var (response, html, _) = await _web.GetPageAsync(mail.ConfirmLink.AbsolutePath);
        var again = await _web.GetPageAsync(mail.ConfirmLink.AbsolutePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("diffusion &lt;b&gt;models&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("daily at 08:00 Europe/Berlin", html, StringComparison.Ordinal);
        Assert.Contains("/manage/", html, StringComparison.Ordinal);
        Assert.Contains("/unsubscribe/", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        var stored = Assert.Single(_web.Store.All());
        Assert.True(stored.Confirmed);
        Assert.Equal("active", stored.Status);
    }

    [Fact]
    public async Task Forged_altered_expired_and_wrong_purpose_tokens_are_refused_and_change_nothing()
    {
        var ann = _web.AddSubscription("ann@example.org", confirmed: false);
        var confirm = _web.LinkPath(LinkPurpose.Confirm, ann);
        var unsubscribe = _web.LinkPath(LinkPurpose.Unsubscribe, ann);
        var token = confirm["/confirm/".Length..];
        var otherSecret = new SignedTokens("a different secret that is long enough, too"u8, _web.Time).Issue(LinkPurpose.Confirm, ann.Subscriber, ann.Id);

        var refused = new[]
        {
            "/confirm/" + otherSecret,
            "/confirm/" + token[..^2] + (token[^2] == 'A' ? "BB" : "AA"),
            "/confirm/" + unsubscribe["/unsubscribe/".Length..],
            "/manage/" + token,
            "/unsubscribe/" + token,
            "/confirm/not-a-token",
        };
        foreach (var path in refused)
        {
            var (response, html, _) = await _web.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
            Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
        }

        _web.Time.Advance(SignedTokens.ConfirmLifetime);
        Assert.Equal(HttpStatusCode.BadRequest, (await _web.GetPageAsync(confirm)).Response.StatusCode);
        Assert.False(_web.Store.Find(ann.Id)!.Confirmed);
    }

    [Fact]
    public async Task A_token_of_one_subscriber_opens_nothing_of_another()
    {
        var ann = _web.AddSubscription("ann@example.org", "ann's query");
        var bob = _web.AddSubscription("bob@example.org", "bob's query", confirmed: false);
        var links = _web.Get<ISubscriberLinks>();
        // Bob's subscription id inside a token signed for Ann.
        var annWithBobsId = (LinkPurpose p) => links.Link(p, ann.Subscriber, bob.Id).AbsolutePath;
        var annManage = _web.LinkPath(LinkPurpose.Manage, ann, scoped: false);

        Assert.Equal(HttpStatusCode.NotFound, (await _web.GetPageAsync(annWithBobsId(LinkPurpose.Confirm))).Response.StatusCode);
        var (_, manageHtml, csrf) = await _web.GetPageAsync(annManage);
        Assert.Contains("ann&#x27;s query", manageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", manageHtml, StringComparison.Ordinal);
        var deleteBob = await _web.PostFormAsync($"{annManage}/{bob.Id}/delete", [], csrf);
        Assert.Equal(HttpStatusCode.NotFound, deleteBob.Response.StatusCode);
        var (_, unsubscribeHtml, unsubscribeCsrf) = await _web.GetPageAsync(annWithBobsId(LinkPurpose.Unsubscribe));
        Assert.DoesNotContain("bob", unsubscribeHtml, StringComparison.Ordinal);
        await _web.PostFormAsync(annWithBobsId(LinkPurpose.Unsubscribe), [new("List-Unsubscribe", "One-Click")], csrf: null, withCookies: false);

        var stillThere = _web.Store.Find(bob.Id);
        Assert.NotNull(stillThere);
        Assert.False(stillThere.Confirmed);
        Assert.NotNull(_web.Store.Find(ann.Id));
        Assert.Null(unsubscribeCsrf);
    }

    [Fact]
    public async Task The_manage_page_lists_the_subscriber_s_subscriptions_and_edits_pauses_resumes_and_deletes_them()
    {
        var first = _web.AddSubscription("ann@example.org", "diffusion");
        var second = _web.AddSubscription("Ann@Example.org", "au:hinton");
        var manage = _web.LinkPath(LinkPurpose.Manage, first, scoped: false);

        var (page, html, csrf) = await _web.GetPageAsync(manage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<code>diffusion</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>au:hinton</code>", html, StringComparison.Ordinal);

        var edited = await _web.PostFormAsync($"{manage}/{first.Id}", EditFields("diffusion -survey", "weekly", "18:45", "Asia/Tokyo"), csrf);
        Assert.Equal(HttpStatusCode.Redirect, edited.Response.StatusCode);
        Assert.Equal(manage, edited.Response.Headers.Location!.OriginalString);
        var stored = _web.Store.Find(first.Id)!;
        Assert.Equal(("diffusion -survey", DeliveryMode.Weekly, new TimeOnly(18, 45), "Asia/Tokyo"), (stored.Query, stored.Mode, stored.DeliveryTime, stored.TimeZone));

        await _web.PostFormAsync($"{manage}/{first.Id}/pause", [], csrf);
        Assert.Equal("paused", _web.Store.Find(first.Id)!.Status);
        Assert.Contains("Resume", (await _web.GetPageAsync(manage)).Html, StringComparison.Ordinal);
        await _web.PostFormAsync($"{manage}/{first.Id}/resume", [], csrf);
        Assert.Equal("active", _web.Store.Find(first.Id)!.Status);

        await _web.PostFormAsync($"{manage}/{second.Id}/delete", [], csrf);
        Assert.Null(_web.Store.Find(second.Id));
    }

    [Fact]
    public async Task An_edit_with_a_malformed_query_shows_the_error_in_that_subscription_s_form_and_changes_nothing()
    {
        var ann = _web.AddSubscription("ann@example.org", "diffusion");
        var manage = _web.LinkPath(LinkPurpose.Manage, ann, scoped: false);
        var (_, _, csrf) = await _web.GetPageAsync(manage);

        var (response, html) = await _web.PostFormAsync($"{manage}/{ann.Id}", EditFields("(diffusion"), csrf);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"""id="{ann.Id}-query-error">""", html, StringComparison.Ordinal);
        Assert.Contains("""value="(diffusion" """.TrimEnd(), html, StringComparison.Ordinal);
        Assert.Contains("<details open>", html, StringComparison.Ordinal);
        Assert.Equal("diffusion", _web.Store.Find(ann.Id)!.Query);
    }

    [Fact]
    public async Task A_pause_after_a_rejected_address_cannot_be_lifted_from_the_manage_page()
    {
        var ann = _web.AddSubscription("ann@example.org");
        _web.Store.Update(ann with { PausedReason = "550 5.1.1 mailbox unavailable" });
        var manage = _web.LinkPath(LinkPurpose.Manage, ann, scoped: false);
        var (_, html, csrf) = await _web.GetPageAsync(manage);

        await _web.PostFormAsync($"{manage}/{ann.Id}/resume", [], csrf);

        Assert.DoesNotContain(">Resume<", html, StringComparison.Ordinal);
        Assert.Equal("550 5.1.1 mailbox unavailable", _web.Store.Find(ann.Id)!.PausedReason);
    }

    [Fact]
    public async Task Manage_changes_without_the_csrf_token_are_refused()
    {
        var ann = _web.AddSubscription("ann@example.org");
        var manage = _web.LinkPath(LinkPurpose.Manage, ann, scoped: false);
        await _web.GetPageAsync(manage);

        var delete = await _web.PostFormAsync($"{manage}/{ann.Id}/delete", [], csrf: null);
        var edit = await _web.PostFormAsync($"{manage}/{ann.Id}", EditFields("other"), csrf: null);

        Assert.Equal(HttpStatusCode.BadRequest, delete.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, edit.Response.StatusCode);
        Assert.Equal("diffusion", _web.Store.Find(ann.Id)!.Query);
    }

    [Fact]
    public async Task The_unsubscribe_page_shows_what_it_removes_and_its_button_removes_it()
    {
        var ann = _web.AddSubscription("ann@example.org", "diffusion");
        var other = _web.AddSubscription("ann@example.org", "robotics");
        var path = _web.LinkPath(LinkPurpose.Unsubscribe, ann);

        var (page, html, csrf) = await _web.GetPageAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<code>diffusion</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("robotics", html, StringComparison.Ordinal);
        Assert.Contains($"""<form method="post" action="{path}">""", html, StringComparison.Ordinal);

        var (response, done) = await _web.PostFormAsync(path, [], csrf);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are unsubscribed", done, StringComparison.Ordinal);
        Assert.Null(_web.Store.Find(ann.Id));
        Assert.NotNull(_web.Store.Find(other.Id));
    }

    [Fact]
    public async Task The_rfc_8058_one_click_post_works_without_cookie_or_csrf_token_even_years_later()
    {
        var ann = _web.AddSubscription("ann@example.org");
        var path = _web.LinkPath(LinkPurpose.Unsubscribe, ann);
        _web.Time.Advance(TimeSpan.FromDays(3 * 365));

        var (response, html) = await _web.PostFormAsync(path, [new("List-Unsubscribe", "One-Click")], csrf: null, withCookies: false);
        var again = await _web.PostFormAsync(path, [new("List-Unsubscribe", "One-Click")], csrf: null, withCookies: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are unsubscribed", html, StringComparison.Ordinal);
        Assert.Null(_web.Store.Find(ann.Id));
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
    }

    [Fact]
    public async Task A_multipart_one_click_post_is_accepted_too()
    {
        var ann = _web.AddSubscription("ann@example.org");
        using var body = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        var response = await _web.Client.PostAsync(new Uri(_web.LinkPath(LinkPurpose.Unsubscribe, ann), UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(_web.Store.Find(ann.Id));
    }

    [Fact]
    public async Task An_unsubscribe_post_with_neither_the_one_click_body_nor_a_csrf_token_is_refused()
    {
        var ann = _web.AddSubscription("ann@example.org");
        var path = _web.LinkPath(LinkPurpose.Unsubscribe, ann);

        var empty = await _web.PostFormAsync(path, [], csrf: null, withCookies: false);
        var wrongBody = await _web.PostFormAsync(path, [new("List-Unsubscribe", "yes")], csrf: null, withCookies: false);
        var noBody = await _web.Client.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, empty.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongBody.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.NotNull(_web.Store.Find(ann.Id));
    }

    [Fact]
    public async Task A_subscriber_wide_unsubscribe_link_removes_every_subscription_of_the_address()
    {
        var ann = _web.AddSubscription("ann@example.org", "diffusion");
        _web.AddSubscription("ANN@example.org", "robotics");
        var bob = _web.AddSubscription("bob@example.org", "robotics");

        await _web.PostFormAsync(_web.LinkPath(LinkPurpose.Unsubscribe, ann, scoped: false), [new("List-Unsubscribe", "One-Click")], csrf: null, withCookies: false);

        Assert.Equal([bob.Id], _web.Store.All().Select(s => s.Id));
    }

    [Fact]
    public void The_token_secret_is_generated_once_kept_in_the_data_folder_and_used_by_the_next_start()
    {
        var settings = _web.Get<PaperBot.Host.Composition.PaperBotSettings>();
        var folder = Path.GetDirectoryName(settings.Storage.Path)!;
        var link = _web.Get<ISubscriberLinks>().Link(LinkPurpose.Unsubscribe, Subscriber.Email("ann@example.org"));

        var file = Path.Combine(folder, TokenSecretFile.FileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var restarted = new SignedTokens(TokenSecretFile.Load(settings.Web, folder), _web.Time);
        Assert.NotNull(restarted.Read(link.AbsolutePath["/unsubscribe/".Length..]));
        Assert.True(Directory.EnumerateFiles(settings.Web.DataProtectionPath, "key-*.xml").Any(), "antiforgery keys are kept in the data folder");
    }
}
