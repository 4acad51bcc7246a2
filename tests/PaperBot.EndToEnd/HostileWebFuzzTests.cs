using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PaperBot.EndToEnd.Harness;
using PaperBot.EndToEnd.Harness.Fuzz;
using Xunit.Abstractions;

namespace PaperBot.EndToEnd;

/// <summary>
/// Mutated queries (through the form, its live check, the papers page, and signed /subscribe and /search commands),
/// mutated interaction payloads under a valid signature, and mutated subscribe form bodies, sent to the running
/// process side by side.
/// </summary>
public sealed class HostileWebFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Queries =
    [
        "diffusion", "\"image editing\" -survey", "diffus*", "(vision OR language) agents", "ti:(agent OR agents) cat:cs.CL",
        "au:\"yann lecun\" OR au:\"y bengio\"", "source:huggingface (llm OR \"language model\") reason*", "title:agents llm NOT abstract:survey",
    ];

    private int _address;
    private int _user = 20_000;

    [Fact]
    public async Task Mutated_queries_interaction_payloads_and_form_bodies_each_get_an_answer_below_500_in_time_and_no_stored_paper_is_lost()
    {
        var run = new FuzzRun(defaultSeed: 1402, quick: TimeSpan.FromSeconds(12), @long: TimeSpan.FromMinutes(10));
        await using var d = await Deployment.CreateAsync(seed: 62);
        // Each fuzzed form from its own forwarded address: the per-client limit would answer 429 from the 11th on.
        d.Environment["PAPERBOT_Web__TrustedProxies"] = "127.0.0.1";
        await d.StartWithBaselineAsync();
        var good = await GoodPapers.StoredAsync(d);
        var seeds = InteractionSeeds.All(await SearchButtonAsync(d));
        using var http = new HttpClient { BaseAddress = d.WebUri, Timeout = Timeout.InfiniteTimeSpan };
        using var browser = new WebForm(d.WebUri);
        var csrf = await browser.CsrfAsync();

        run.StartClock();
        await Task.WhenAll(
            Task.Run(() => QueriesAsync(run, d, http, browser, csrf)),
            Task.Run(() => PayloadsAsync(run, d, seeds)),
            Task.Run(() => FormsAsync(run, browser, csrf)));
        output.WriteLine(run.Report());

        Assert.False(d.Process!.HasExited, "paperbot exited during the fuzzing:\n" + d.Logs());
        Assert.NotEqual("unhealthy", (await d.Process.HealthAsync()).Status);
        var crashes = CrashLines.In(d.Process.Output);
        Assert.True(run.Defects.Count == 0 && crashes.Count == 0, run.Report() + string.Join('\n', crashes.Take(10)));
        Assert.Empty(await GoodPapers.MissingAfterStopAsync(d, good));
        Assert.All(new[] { "interaction payload", "subscribe form body", "query: /query/check", "query: /subscribe command" }, k => Assert.True(run.Count(k) > 0, run.Report()));
    }

    private async Task QueriesAsync(FuzzRun run, Deployment d, HttpClient http, WebForm browser, string csrf)
    {
        var mutator = run.MutatorFor("query");
        for (var i = 0; run.HasTime(); i++)
        {
            var input = mutator.Mutate(Encoding.UTF8.GetBytes(mutator.Pick(Queries)), DocumentKind.Query);
            // Invalid UTF-8 arrives as U+FFFD, as a browser or Discord would send it.
            var query = Encoding.UTF8.GetString(input.Bytes);
            var escaped = Uri.EscapeDataString(query);
            var user = Interlocked.Increment(ref _user).ToString(CultureInfo.InvariantCulture);
            // A URL over Kestrel's 8 KB request line is refused before it is read (414, or the connection closed
            // while the client still writes it): such queries go by form.
            switch (escaped.Length > 8_000 && i % 5 < 2 ? 2 : i % 5)
            {
                case 0:
                    using (await HttpJudge.SendAsync(run, "query: /query/check", input.Operators, input.Bytes, ct => http.GetAsync(new Uri("/query/check?q=" + escaped, UriKind.Relative), ct))) { }
                    break;
                case 1:
                    using (await HttpJudge.SendAsync(run, "query: /papers", input.Operators, input.Bytes, ct => http.GetAsync(new Uri("/papers?q=" + escaped, UriKind.Relative), ct))) { }
                    break;
                case 2:
                    using (var form = new FormUrlEncodedContent(Form(csrf, query)))
                    using (await HttpJudge.SendAsync(run, "query: web form", input.Operators, input.Bytes, ct => PostFormAsync(browser, form, ct), form.Headers.ContentLength)) { }
                    break;
                case 3:
                    await CommandAsync(run, d, "query: /subscribe command", input, DiscordInteractions.InDm("subscribe", user, ("query", query), ("delivery", "daily")));
                    break;
                default:
                    await CommandAsync(run, d, "query: /search command", input, DiscordInteractions.InDm("search", user, ("query", query)));
                    break;
            }
        }
    }

    private static async Task CommandAsync(FuzzRun run, Deployment d, string kind, Mutant input, string interaction)
    {
        var body = Encoding.UTF8.GetBytes(interaction);
        using var response = await HttpJudge.SendAsync(run, kind, input.Operators, input.Bytes, ct => d.Interactions.PostSignedAsync(body, ct), body.Length);
        if (response is null) return;
        // Over the endpoint's 64 KB an interaction is refused unread (Discord itself caps an option at 1,000 characters).
        var tooLarge = response.StatusCode == HttpStatusCode.RequestEntityTooLarge && body.Length > 64 * 1024;
        if (response.StatusCode != HttpStatusCode.OK && !tooLarge) run.Defect(kind, $"a well-formed, signed command answered {(int)response.StatusCode}", input.Bytes);
    }

    private static async Task PayloadsAsync(FuzzRun run, Deployment d, IReadOnlyList<byte[]> seeds)
    {
        const string kind = "interaction payload";
        var mutator = run.MutatorFor(kind);
        var sent = new HashSet<string>(StringComparer.Ordinal);
        while (run.HasTime())
        {
            var input = mutator.Mutate(mutator.Pick(seeds), DocumentKind.Json);
            if (!sent.Add(Convert.ToHexString(SHA256.HashData(input.Bytes)))) continue; // the same signature again is a replay
            using var response = await HttpJudge.SendAsync(run, kind, input.Operators, input.Bytes, ct => d.Interactions.PostSignedAsync(input.Bytes, ct));
            if (response?.StatusCode == HttpStatusCode.Unauthorized) run.Defect(kind, $"{input.Operators}: a validly signed body refused as unsigned", input.Bytes);
        }
    }

    private async Task FormsAsync(FuzzRun run, WebForm browser, string csrf)
    {
        const string kind = "subscribe form body";
        var bodies = new FormBodies(run.MutatorFor(kind));
        var good = Form(csrf, "diffusion -survey");
        while (run.HasTime())
        {
            var (contentType, input) = bodies.Next(good);
            using var content = new ByteArrayContent(input.Bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using (await HttpJudge.SendAsync(run, kind, $"{contentType}, {input.Operators}", input.Bytes, ct => PostFormAsync(browser, content, ct))) { }
        }
    }

    private Task<HttpResponseMessage> PostFormAsync(WebForm browser, HttpContent content, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _address);
        var request = new HttpRequestMessage(HttpMethod.Post, "/subscribe") { Content = content };
        request.Headers.Add("X-Forwarded-For", $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
        return browser.Client.SendAsync(request, ct);
    }

    private static List<KeyValuePair<string, string>> Form(string csrf, string query) =>
    [
        new("csrf", csrf), new("email", "fuzz@example.org"), new("query", query), new("mode", "weekly"), new("time", "08:00"),
        new("day", "Friday"), new("timezone", "Europe/Berlin"),
    ];

    /// <summary>A live search session's "next page" button, from a /search that has two pages.</summary>
    private static async Task<string> SearchButtonAsync(Deployment d)
    {
        var body = DiscordInteractions.InGuild("search", "913", DiscordInteractions.Member, ("query", "paper"));
        var timestamp = DiscordInteractions.Now();
        using var response = await d.Interactions.PostAsync(body, timestamp, d.Interactions.Sign(timestamp, body));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return answer.TryGetProperty("data", out var data) && data.TryGetProperty("components", out var rows)
            ? rows[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!
            : "search:none:5";
    }
}
