using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperBot.EndToEnd.Harness;
using PaperBot.EndToEnd.Harness.Fuzz;
using PaperBot.Testing;
using Xunit.Abstractions;

namespace PaperBot.EndToEnd;

/// <summary>
/// Mutated digest files through <c>paperbot import FILE…</c> and mutated queries through <c>paperbot match</c> and
/// <c>search</c>, each verb a process of its own sent through the admin socket to the running service.
/// </summary>
public sealed class HostileVerbFuzzTests(ITestOutputHelper output)
{
    private const int FilesPerImport = 20;
    private const string Import = "digest file via import";

    private static readonly string[] Queries =
    [
        "diffusion", "\"image editing\" -survey", "diffus*", "(vision OR language) agents", "ti:(agent OR agents) cat:cs.CL", "au:\"yann lecun\"",
    ];

    [Fact]
    public async Task Every_mutated_import_file_and_query_verb_ends_with_a_sane_exit_code_and_a_one_line_error_and_no_stored_paper_is_lost()
    {
        var run = new FuzzRun(defaultSeed: 1403, quick: TimeSpan.FromSeconds(12), @long: TimeSpan.FromMinutes(10));
        await using var d = await Deployment.CreateAsync(seed: 63);
        await d.StartWithBaselineAsync();
        var (code, imported) = await d.VerbAsync("import", Path.Combine(Repository.Root(), "src", "PaperBot.Host", "Demo", "sample-digest.txt"));
        Assert.True(code == 0, imported);
        var good = await GoodPapers.StoredAsync(d);

        run.StartClock();
        await Task.WhenAll(Task.Run(() => ImportsAsync(run, d)), Task.Run(() => QueriesAsync(run, d)));
        output.WriteLine(run.Report());

        Assert.False(d.Process!.HasExited, "paperbot exited during the fuzzing:\n" + d.Logs());
        var crashes = CrashLines.In(d.Process.Output);
        Assert.True(run.Defects.Count == 0 && crashes.Count == 0, run.Report() + string.Join('\n', crashes.Take(10)));
        Assert.Empty(await GoodPapers.MissingAfterStopAsync(d, good));
        Assert.All(new[] { Import, "query via match", "query via search" }, k => Assert.True(run.Count(k) > 0, run.Report()));
    }

    /// <summary>Batches of mutated files in one verb; each file's report must be a format with counts, or one clear
    /// line why not, and the verb's exit code 0 (all read) or 1 (some not).</summary>
    private static async Task ImportsAsync(FuzzRun run, Deployment d)
    {
        var mutator = run.MutatorFor(Import);
        var seeds = new (byte[] Bytes, DocumentKind Kind)[]
        {
            (File.ReadAllBytes(Path.Combine(Repository.Root(), "src", "PaperBot.Host", "Demo", "sample-digest.txt")), DocumentKind.Text),
            (d.Shelf.HuggingFaceJson().Body, DocumentKind.Json),
            (FixtureFiles.Bytes("sources/arxiv-atom-listing.xml"), DocumentKind.Xml),
            (FixtureFiles.Bytes("sources/arxiv-rss-cs.AI.xml"), DocumentKind.Xml),
        };
        for (var batch = 0; run.HasTime(); batch++)
        {
            var folder = Path.Combine(d.DataFolder, "fuzz-" + batch.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var inputs = new Dictionary<string, Mutant>(StringComparer.Ordinal);
            for (var i = 0; i < FilesPerImport; i++)
            {
                // Mostly the plain-text digest, whose parser only import reaches; the other formats too.
                var (bytes, kind) = i % 4 == 0 ? seeds[1 + mutator.Random.Next(3)] : seeds[0];
                var file = Path.Combine(folder, $"{i}.txt");
                inputs[file] = mutator.Mutate(bytes, kind);
                await File.WriteAllBytesAsync(file, inputs[file].Bytes);
            }
            var (code, text) = await d.VerbAsync(["import", "--json", .. inputs.Keys]);
            if (code is not (0 or 1) || !TryJson(text, out var report))
            {
                foreach (var (file, input) in inputs) run.Defect(Import, $"exit {code} for the batch ({input.Operators}): {Shorten(text)}", input.Bytes);
                continue;
            }
            foreach (var file in report.GetProperty("files").EnumerateArray())
            {
                var input = inputs[file.GetProperty("file").GetString()!];
                var problems = file.GetProperty("problems").EnumerateArray().Select(p => p.GetString() ?? "").ToList();
                if (problems.Any(p => p.Length == 0 || p.Contains('\n', StringComparison.Ordinal) || p.Length > 1_000))
                    run.Defect(Import, $"{input.Operators}: an unclear problem: {Shorten(string.Join(" | ", problems))}", input.Bytes);
                else if (file.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String)
                    run.Tried(Import, "read as " + format.GetString());
                else run.Tried(Import, "not imported: " + string.Join(' ', problems[0].Split(' ').Take(4)));
            }
        }
    }

    /// <summary>A query verb exits 0 (it ran) or 2 (a bad query, said on its first line), never 1 or anything else.</summary>
    private static async Task QueriesAsync(FuzzRun run, Deployment d)
    {
        var mutator = run.MutatorFor("query via verb");
        for (var i = 0; run.HasTime(); i++)
        {
            var input = mutator.Mutate(Encoding.UTF8.GetBytes(mutator.Pick(Queries)), DocumentKind.Query);
            // An argument cannot hold NUL; one over 128 KB would exceed the kernel's argument limit rather than reach paperbot.
            var query = Encoding.UTF8.GetString(input.Bytes).Replace('\0', ' ');
            if (query.Length > 30_000) query = query[..30_000];
            var verb = i % 2 == 0 ? "match" : "search";
            var kind = "query via " + verb;
            var (code, text) = await d.VerbAsync(verb, "--", query);
            var firstLine = text.Split('\n')[0];
            if (code == 0) run.Tried(kind, "exit 0");
            else if (code == 2 && firstLine.StartsWith("error: ", StringComparison.Ordinal) && firstLine.Length <= 1_000
                && !text.Contains("Exception", StringComparison.Ordinal))
                run.Tried(kind, "exit 2");
            else run.Defect(kind, $"{input.Operators}: exit {code}: {Shorten(text)}", input.Bytes);
        }
    }

    private static bool TryJson(string text, out JsonElement json)
    {
        json = default;
        var start = text.IndexOf('{', StringComparison.Ordinal);
        if (start < 0) return false;
        try
        {
            json = JsonDocument.Parse(text[start..]).RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
