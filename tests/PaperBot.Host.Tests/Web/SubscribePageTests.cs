using System.Net;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Tests.Web.Support;
using PaperBot.Host.Web;
using PaperBot.Host.Web.Subscribing;

namespace PaperBot.Host.Tests.Web;

/// <summary><c>GET /</c> and <c>POST /subscribe</c> through the test server: validation, double opt-in, the neutral
/// answer, throttling, CSRF and the security headers.</summary>
public sealed class SubscribePageTests : IAsyncLifetime
{
    private WebHost _web = null!;

    public async Task InitializeAsync() => _web = await WebHost.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task The_subscribe_page_has_a_labelled_form_a_csrf_field_a_strict_csp_and_no_inline_script()
    {
        var (response, html, csrf) = await _web.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(csrf);
        Assert.Contains("""<label for="email">Email</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="query">Query</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="timezone">Time zone</label>""", html, StringComparison.Ordinal);
        Assert.Contains("""<option value="Europe/Berlin">""", html, StringComparison.Ordinal);
        Assert.Contains("""<script src="/static/paperbot.js" defer></script>""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_and_stylesheet_are_served_from_the_assembly_with_their_types_and_the_same_csp()
    {
        var script = await _web.Client.GetAsync(new Uri("/static/paperbot.js", UriKind.Relative));
        var style = await _web.Client.GetAsync(new Uri("/static/paperbot.css", UriKind.Relative));
        var missing = await _web.Client.GetAsync(new Uri("/static/other.js", UriKind.Relative));

        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/query/check", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", style.Content.Headers.ContentType!.MediaType);
        Assert.True(script.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_valid_form_stores_a_pending_subscription_and_sends_exactly_one_confirmation_mail()
    {
        var (response, html) = await _web.SubscribeAsync("ann@example.org", "\"image editing\" OR inpainting", mode: "weekly", time: "07:30", day: "Friday");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your inbox", html, StringComparison.Ordinal);
        var stored = Assert.Single(_web.Store.All());
        Assert.False(stored.Confirmed);
        Assert.Equal("pending", stored.Status);
        Assert.Equal(("email:ann@example.org", "\"image editing\" OR inpainting", DeliveryMode.Weekly, new TimeOnly(7, 30), DayOfWeek.Friday, "Europe/Berlin"),
            (stored.Subscriber.TargetKey, stored.Query, stored.Mode, stored.DeliveryTime, stored.WeeklyDay, stored.TimeZone));
        var mail = Assert.Single(_web.Mailer.Sent);
        Assert.Equal(stored.Id, mail.Subscription.Id);
    }

    [Fact]
    public async Task A_malformed_query_is_shown_next_to_the_field_with_its_position_and_the_form_keeps_what_was_typed()
    {
        var (response, html) = await _web.SubscribeAsync("ann@example.org", "diffusion AND \"image <edit>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""<div class="error" id="query-error"><p>""", html, StringComparison.Ordinal);
        Assert.Contains("character 15", html, StringComparison.Ordinal);
        Assert.Contains("""value="diffusion AND &quot;image &lt;edit&gt;" """.TrimEnd(), html, StringComparison.Ordinal);
        Assert.Contains("""aria-invalid="true" """.TrimEnd(), html, StringComparison.Ordinal);
        Assert.Contains("""value="ann@example.org" """.TrimEnd(), html, StringComparison.Ordinal);
        Assert.Contains("<mark>&quot;</mark>", html, StringComparison.Ordinal);
        Assert.Empty(_web.Store.All());
        Assert.Empty(_web.Mailer.Sent);
    }

    [Theory]
    [InlineData("not-an-address", "diffusion", "daily", "08:00", "Monday", "Europe/Berlin", "email-error")]
    [InlineData("", "diffusion", "daily", "08:00", "Monday", "Europe/Berlin", "email-error")]
    [InlineData("ann@example.org", "", "daily", "08:00", "Monday", "Europe/Berlin", "query-error")]
    [InlineData("ann@example.org", "-survey", "daily", "08:00", "Monday", "Europe/Berlin", "query-error")]
    [InlineData("ann@example.org", "diffusion", "hourly", "08:00", "Monday", "Europe/Berlin", "Choose daily or weekly.")]
    [InlineData("ann@example.org", "diffusion", "daily", "25:00", "Monday", "Europe/Berlin", "time-error")]
    [InlineData("ann@example.org", "diffusion", "weekly", "08:00", "Someday", "Europe/Berlin", "Choose a day of the week.")]
    [InlineData("ann@example.org", "diffusion", "daily", "08:00", "Monday", "Mars/Olympus", "timezone-error")]
    public async Task Each_kind_of_bad_input_is_refused_with_a_message_at_its_field_and_nothing_is_stored_or_sent(
        string email, string query, string mode, string time, string day, string zone, string expected)
    {
        var (response, html) = await _web.SubscribeAsync(email, query, mode, time, day, zone);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Empty(_web.Store.All());
        Assert.Empty(_web.Mailer.Sent);
    }

    [Fact]
    public async Task The_answer_is_the_same_for_a_new_a_known_and_a_suppressed_address_and_the_suppressed_one_gets_no_mail()
    {
        _web.AddSubscription("known@example.org", "transformers");
        _web.Suppressions.Add(new Suppression("Gone@Example.org", "550 5.1.1 no such user", _web.Time.GetUtcNow()));

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var address in new[] { "new@example.org", "known@example.org", "gone@example.org" })
        {
            var (response, html) = await _web.SubscribeAsync(address, "diffusion");
            answers.Add((response.StatusCode, html.Replace(address, "ADDRESS", StringComparison.Ordinal)));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(["new@example.org", "known@example.org"], _web.Mailer.Sent.Select(m => m.Subscription.Subscriber.Address));
        Assert.DoesNotContain(_web.Store.All(), s => s.Subscriber.Address == "gone@example.org");
    }

    [Fact]
    public async Task Confirmation_mails_to_one_address_stop_at_the_limit_while_the_answer_stays_the_same()
    {
        var answers = new List<string>();
        for (var i = 0; i <= ConfirmationThrottle.PerAddress; i++)
            answers.Add((await _web.SubscribeAsync(i % 2 == 0 ? "ann@example.org" : "ANN@example.org", "diffusion")).Html);

        Assert.Equal(ConfirmationThrottle.PerAddress, _web.Mailer.Sent.Count);
        Assert.Single(answers.Select(a => a.Replace("ANN@", "ann@", StringComparison.Ordinal)).Distinct());
        // The same request again reuses the pending subscription instead of adding copies.
        Assert.Single(_web.Store.All());
    }

    [Fact]
    public async Task One_client_is_refused_with_429_after_the_per_client_limit_whatever_the_addresses()
    {
        for (var i = 0; i < WebApp.PerClientLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await _web.SubscribeAsync($"reader{i}@example.org")).Response.StatusCode);

        var (response, html) = await _web.SubscribeAsync("one-more@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
        Assert.Equal(WebApp.PerClientLimit, _web.Mailer.Sent.Count);
    }

    [Fact]
    public async Task A_post_without_the_csrf_token_or_without_its_cookie_is_refused_and_sends_nothing()
    {
        var fields = new KeyValuePair<string, string>[] { new("email", "ann@example.org"), new("query", "diffusion"), new("mode", "daily"), new("time", "08:00"), new("timezone", "UTC") };
        var (_, _, csrf) = await _web.GetPageAsync("/");

        var noToken = await _web.PostFormAsync("/subscribe", fields, csrf: null);
        var noCookie = await _web.PostFormAsync("/subscribe", fields, csrf, withCookies: false);
        var forged = await _web.PostFormAsync("/subscribe", fields, csrf: "CfDJ8forged");

        Assert.All(new[] { noToken, noCookie, forged }, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.Response.StatusCode);
            Assert.Contains("This form has expired", r.Html, StringComparison.Ordinal);
        });
        Assert.Empty(_web.Store.All());
        Assert.Empty(_web.Mailer.Sent);
    }

    [Theory]
    [InlineData("multipart/form-data", "csrf=x")]                                      // no boundary
    [InlineData("multipart/form-data; boundary=----x", "------x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nx")] // cut short
    [InlineData("application/x-www-form-urlencoded", "repeat")]                          // over 1,024 fields
    [InlineData("application/x-www-form-urlencoded", "long-key")]                        // a key over 2 KB
    public async Task A_form_body_that_cannot_be_read_is_refused_with_400_and_a_message_not_a_500(string contentType, string body)
    {
        // Found by the end-to-end fuzzing: antiforgery read these forms first and threw, a 500 each.
        var (_, _, csrf) = await _web.GetPageAsync("/");
        var fields = $"csrf={Uri.EscapeDataString(csrf!)}&email=ann%40example.org&query=diffusion&mode=daily&time=08%3A00&timezone=UTC";
        var text = body switch
        {
            "repeat" => fields + string.Concat(Enumerable.Repeat("&mode=daily", 1_100)),
            "long-key" => fields + "&" + new string('k', 3_000) + "=v",
            _ => body,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = new StringContent(text) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await _web.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_web.Store.All());
        Assert.Empty(_web.Mailer.Sent);
    }

    [Fact]
    public async Task The_live_query_help_reports_the_position_of_an_error_and_accepts_a_valid_query()
    {
        var bad = await _web.Client.GetStringAsync(new Uri("/query/check?q=" + Uri.EscapeDataString("au:(hinton"), UriKind.Relative));
        var good = await _web.Client.GetStringAsync(new Uri("/query/check?q=diffusion", UriKind.Relative));

        Assert.Contains("\"ok\":false", bad, StringComparison.Ordinal);
        Assert.Contains("\"position\":", bad, StringComparison.Ordinal);
        Assert.Contains("\"ok\":true", good, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_papers_page_s_subscribe_link_fills_in_its_query()
    {
        var (_, html, _) = await _web.GetPageAsync("/?query=" + Uri.EscapeDataString("cat:cs.LG \"<x>\""));

        Assert.Contains("""value="cat:cs.LG &quot;&lt;x&gt;&quot;" """.TrimEnd(), html, StringComparison.Ordinal);
    }
}
