using System.Text.Json;
using System.Text.RegularExpressions;
using PaperBot.Core.Ingestion;
using PaperBot.EndToEnd.Harness;
using PaperBot.EndToEnd.Harness.Fuzz;
using PaperBot.Testing.Http;
using Xunit.Abstractions;

namespace PaperBot.EndToEnd;

/// <summary>
/// Mutated documents from every kind of source the process polls (Hugging Face JSON, arXiv's Atom API, arXiv's RSS,
/// an RSS and an Atom feed), one per poll, each judged by what the process recorded for that poll.
/// </summary>
public sealed partial class HostileSourceFuzzTests(ITestOutputHelper output)
{
    private const string Every = "* * * * * ?";
    private const string AtomPath = "/feeds/blog.atom";

    /// <summary>Longer than one poll, the spacing of arXiv's API and a 20 MB body take together.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_mutated_source_document_ends_in_a_stored_poll_or_a_one_line_failure_and_no_stored_paper_is_lost()
    {
        var run = new FuzzRun(defaultSeed: 1401, quick: TimeSpan.FromSeconds(15), @long: TimeSpan.FromMinutes(10));
        await using var d = await Deployment.CreateAsync(seed: 61);
        var sources = Configure(d);
        await d.StartWithBaselineAsync();
        var good = await GoodPapers.StoredAsync(d);

        await using (var status = new StatusWatch(d.WebUri))
        {
            run.StartClock();
            await Task.WhenAll(sources.Select(s => FuzzAsync(d, run, status, s)));
            // Every source back to its good document: each must poll successfully again (none wedged by an input).
            var restored = DateTimeOffset.UtcNow;
            await d.SourcesPolledAsync(restored, TimeSpan.FromSeconds(45));
        }
        output.WriteLine(run.Report());

        Assert.False(d.Process!.HasExited, "paperbot exited during the fuzzing:\n" + d.Logs());
        var crashes = CrashLines.In(d.Process.Output);
        Assert.True(run.Defects.Count == 0 && crashes.Count == 0, run.Report() + string.Join('\n', crashes.Take(10)));
        Assert.Empty(await GoodPapers.MissingAfterStopAsync(d, good));
        Assert.True(sources.All(s => run.Count(s.Name) > 0), run.Report());
    }

    /// <summary>arXiv's API and RSS and an Atom feed besides the shelf's two sources, all polled every second.</summary>
    private static List<FuzzedSource> Configure(Deployment d)
    {
        var env = d.Environment;
        env["PAPERBOT_Sources__HuggingFace__Schedule"] = Every;
        env["PAPERBOT_Sources__Feeds__0__Schedule"] = Every;
        env["PAPERBOT_Sources__Feeds__1__Name"] = "blog";
        env["PAPERBOT_Sources__Feeds__1__Url"] = d.Sources.Url(AtomPath).ToString();
        env["PAPERBOT_Sources__Feeds__1__Schedule"] = Every;
        PaperShelf.EnableArxiv(env, d.Sources);
        env["PAPERBOT_Sources__Arxiv__Categories__0"] = "cs.CL";
        env["PAPERBOT_Sources__Arxiv__Schedule"] = Every;
        env["PAPERBOT_Sources__Arxiv__PageSize"] = "3";
        env["PAPERBOT_Sources__Arxiv__MaxPages"] = "2";
        env["PAPERBOT_Sources__Arxiv__PageRetries"] = "0";
        env["PAPERBOT_Sources__ArxivRss__Schedule"] = Every;

        var shelf = d.Shelf;
        return
        [
            new FuzzedSource("huggingface", "/api/daily_papers", DocumentKind.Json, _ => shelf.HuggingFaceJson()).ServeFrom(d.Sources),
            new FuzzedSource("journal", PaperShelf.JournalPath, DocumentKind.Xml, _ => shelf.JournalRss()).ServeFrom(d.Sources),
            new FuzzedSource("blog", AtomPath, DocumentKind.Xml, _ => FixtureResponse.File("sources/blog-atom.xml", "application/atom+xml")).ServeFrom(d.Sources),
            new FuzzedSource("arxiv", PaperShelf.ArxivApiPath, DocumentKind.Xml, r => FixtureResponse.File(
                r.Query.Contains("start=0", StringComparison.Ordinal) ? "sources/arxiv-api-page1.atom" : "sources/arxiv-api-page2.atom", "application/atom+xml")).ServeFrom(d.Sources),
            new FuzzedSource("arxiv-rss", PaperShelf.ArxivRssPath, DocumentKind.Xml, _ => FixtureResponse.File("sources/arxiv-rss-cs.AI.xml", "application/rss+xml")).ServeFrom(d.Sources),
        ];
    }

    private static async Task FuzzAsync(Deployment d, FuzzRun run, StatusWatch status, FuzzedSource source)
    {
        var mutator = run.MutatorFor(source.Name);
        var seed = source.Good(new RecordedRequest("GET", source.Path, "?start=0", new Dictionary<string, string>(), DateTimeOffset.UtcNow)).Body;
        while (run.HasTime())
        {
            var input = mutator.Mutate(seed, source.Kind);
            source.Offer(input, mutator.Pick(ContentTypes(source.Kind)));
            if (!await status.WaitAsync(_ => source.ServedAt is not null, PerInput))
            {
                run.Defect(source.Name, "the source was not polled again: the previous input hangs its job", input.Bytes);
                return;
            }
            var served = source.ServedAt!.Value;
            if (!await status.WaitAsync(s => At(s.Source(source.Name), "lastRunAt") > served, PerInput))
            {
                run.Defect(source.Name, $"no outcome recorded within {PerInput.TotalSeconds} s ({input.Operators})", input.Bytes);
                return;
            }
            var state = status.Source(source.Name)!.Value;
            if (At(state, "lastSuccessAt") > served) run.Tried(source.Name, "stored");
            else Judge(run, source.Name, input, state.GetProperty("lastError").GetString());
        }
    }

    /// <summary>A failure must be recorded with a clear one-line message of a known kind, never as an internal error.</summary>
    private static void Judge(FuzzRun run, string source, Mutant input, string? error)
    {
        var kind = SourceErrors.Kind(error);
        if (string.IsNullOrWhiteSpace(error) || kind == "internal-error" || error.Contains('\n', StringComparison.Ordinal)
            || error.Contains('\r', StringComparison.Ordinal) || error.Length > 1_000)
        {
            run.Defect(source, $"{input.Operators}: unclear failure ({kind}): {Shorten(error)}", input.Bytes);
            return;
        }
        run.Tried(source, "refused: " + Gist(error));
    }

    private static DateTimeOffset? At(JsonElement? state, string property) =>
        state is { } s && s.TryGetProperty(property, out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : null;

    private static string[] ContentTypes(DocumentKind kind) => kind == DocumentKind.Json
        ? ["application/json; charset=utf-8", "application/json; charset=utf-8", "application/json", "application/json; charset=utf-16", "text/html", "application/json; charset=no-such"]
        : ["application/xml; charset=utf-8", "application/xml; charset=utf-8", "text/xml", "application/rss+xml; charset=iso-8859-1", "application/xml; charset=utf-16", "text/html", "text/xml; charset=no-such"];

    /// <summary>The message's first words without its URL and numbers: "Malformed XML at line", "The document nests elements".</summary>
    private static string Gist(string error)
    {
        var text = Url().Replace(error, "").TrimStart(':', ' ');
        text = Number().Replace(text, "#");
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4));
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"(GET )?https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
