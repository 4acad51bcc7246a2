using System.Net;
using PaperBot.Core.Papers;
using PaperBot.Host.Tests.Web.Support;

namespace PaperBot.Host.Tests.Web;

/// <summary><c>/papers</c> and <c>/papers/{date}</c> through the test server over a real store and search index.</summary>
public sealed class PapersPageTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 11, 0, 0, 0, TimeSpan.Zero);

    private static Paper Paper(string id, string title, int? upvotes, DateTimeOffset published, PaperLinks? links = null, string? summary = null) => new()
    {
        Id = PaperId.Parse(id),
        Title = title,
        Abstract = $"We study {title.ToLowerInvariant()} at scale.",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Categories = ["cs.LG"],
        Upvotes = upvotes,
        Summary = summary,
        PublishedAt = published,
        Links = links ?? new PaperLinks(),
    };

    private static readonly Paper[] Papers =
    [
        Paper("2603.00001", "Diffusion Models for Video", 12, Day.AddHours(9)),
        Paper("2603.00002", "Sparse Attention Everywhere", 40, Day.AddHours(3), summary: "Attention, but sparse."),
        Paper("2603.00003", "Robot Learning from Play", 5, Day.AddHours(20)),
        Paper("2603.00004", "Yesterday's Diffusion Paper", 99, Day.AddDays(-1).AddHours(8)),
    ];

    [Fact]
    public async Task The_day_page_lists_that_day_s_papers_by_upvotes_or_newest_with_links_to_other_days()
    {
        await using var web = await WebHost.StartAsync(Papers);

        var (response, trending, _) = await web.GetPageAsync("/papers/2026-03-11");
        var (_, newest, _) = await web.GetPageAsync("/papers/2026-03-11?sort=newest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        AssertOrder(trending, "Sparse Attention Everywhere", "Diffusion Models for Video", "Robot Learning from Play");
        AssertOrder(newest, "Robot Learning from Play", "Diffusion Models for Video", "Sparse Attention Everywhere");
        Assert.DoesNotContain("Yesterday", trending, StringComparison.Ordinal);
        Assert.Contains("3 papers", trending, StringComparison.Ordinal);
        Assert.Contains("40 upvotes", trending, StringComparison.Ordinal);
        Assert.Contains("<strong>Summary:</strong> Attention, but sparse.", trending, StringComparison.Ordinal);
        Assert.Contains("""href="/papers/2026-03-10" rel="prev">""", trending, StringComparison.Ordinal);
        Assert.Contains("""href="https://huggingface.co/papers/2603.00001" """.TrimEnd(), trending, StringComparison.Ordinal);
        Assert.Contains("""href="https://arxiv.org/abs/2603.00001">""", trending, StringComparison.Ordinal);
        Assert.Contains("""href="/">Get papers by email</a>""", trending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_date_the_page_shows_the_latest_day_that_has_papers()
    {
        await using var web = await WebHost.StartAsync(Papers);

        var (_, html, _) = await web.GetPageAsync("/papers");

        Assert.Contains("""<time datetime="2026-03-11">""", html, StringComparison.Ordinal);
        Assert.Contains("Sparse Attention Everywhere", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_covers_every_day_marks_the_matched_words_and_links_to_subscribe_with_the_query()
    {
        await using var web = await WebHost.StartAsync(Papers);

        var (_, html, _) = await web.GetPageAsync("/papers?q=diffusion&sort=trending");

        AssertOrder(html, "Yesterday&#x27;s <mark>Diffusion</mark> Paper", "<mark>Diffusion</mark> Models for Video");
        Assert.Contains("2 papers", html, StringComparison.Ordinal);
        Assert.Contains("""href="/?query=diffusion">Get these by email</a>""", html, StringComparison.Ordinal);
        Assert.Contains("""value="diffusion" """.TrimEnd(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_search_shows_its_error_with_the_position_and_keeps_the_query()
    {
        await using var web = await WebHost.StartAsync(Papers);

        var (response, html, _) = await web.GetPageAsync("/papers?q=" + Uri.EscapeDataString("\"<script>"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("character 1", html, StringComparison.Ordinal);
        Assert.Contains("""value="&quot;&lt;script&gt;" """.TrimEnd(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_titles_summaries_and_authors_are_encoded_and_only_http_links_are_kept()
    {
        var hostile = Paper("2603.00009", "<script>alert(1)</script> \"><img src=x onerror=alert(2)> \u202Egnp.exe", 7, Day.AddHours(1),
            new PaperLinks
            {
                Abstract = "javascript:alert(3)", Pdf = "JAVASCRIPT:alert(4)", Code = "https://github.com/example/code\"onmouseover=\"alert(5)",
                ProjectPage = "data:text/html,<script>alert(6)</script>", Doi = "10.1000/xyz<b>",
            },
            summary: "<iframe src=//evil.example></iframe>") with { Authors = ["<b>Mallory</b>"] };
        await using var web = await WebHost.StartAsync([hostile]);

        var (_, html, _) = await web.GetPageAsync("/papers/2026-03-11");

        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Mallory", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Mallory&lt;/b&gt;", html, StringComparison.Ordinal);
        // The title links to the arXiv page derived from the id, not the feed's javascript: link.
        Assert.Contains("""<a href="https://arxiv.org/abs/2603.00009">""", html, StringComparison.Ordinal);
        Assert.Contains("""href="https://github.com/example/code%22onmouseover=%22alert(5)" """.TrimEnd(), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/yesterday")]
    [InlineData("/papers/2026-13-40")]
    public async Task A_date_that_is_not_a_date_is_404(string path)
    {
        await using var web = await WebHost.StartAsync(Papers);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetPageAsync(path)).Response.StatusCode);
    }

    [Fact]
    public async Task A_day_with_more_papers_than_a_page_links_to_the_next_page()
    {
        var many = Enumerable.Range(1, 60).Select(i => Paper($"2603.{i:D5}", $"Paper number {i}", i, Day.AddMinutes(i))).ToArray();
        await using var web = await WebHost.StartAsync(many);

        var (_, first, _) = await web.GetPageAsync("/papers/2026-03-11");
        var (_, second, _) = await web.GetPageAsync("/papers/2026-03-11?sort=trending&page=2");

        Assert.Contains("""href="/papers/2026-03-11?sort=trending&amp;page=2" rel="next">""", first, StringComparison.Ordinal);
        Assert.Contains("Paper number 60<", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Paper number 10<", first, StringComparison.Ordinal);
        Assert.Contains("Paper number 10<", second, StringComparison.Ordinal);
    }

    private static void AssertOrder(string html, params string[] titles)
    {
        var positions = titles.Select(t => html.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, "a title is missing"));
        Assert.Equal(positions.Order(), positions);
    }
}
