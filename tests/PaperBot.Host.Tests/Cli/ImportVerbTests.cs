using System.Text.Json;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Cli;

public class ImportVerbTests
{
    [Fact]
    public async Task Importing_a_digest_reports_new_papers_and_importing_it_again_changes_nothing()
    {
        using var cli = new CliHarness();
        var file = cli.Dir.Write("digest.txt", Digests.Build(30));

        var first = await cli.RunAsync("import", file);
        var second = await cli.RunAsync("import", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("30 new, 0 updated, 0 unchanged, 0 rejected", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 new, 0 updated, 30 unchanged, 0 rejected", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_report_is_one_document_with_counts_per_file()
    {
        using var cli = new CliHarness();
        var file = cli.Dir.Write("digest.txt", Digests.Build(4));

        var run = await cli.RunAsync("import", file, "--json");

        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(4, doc.RootElement.GetProperty("total").GetProperty("new").GetInt32());
        Assert.Equal("text-digest", doc.RootElement.GetProperty("files")[0].GetProperty("format").GetString());
    }

    [Fact]
    public async Task Rejected_entries_are_listed_one_by_one_and_the_rest_is_imported()
    {
        using var cli = new CliHarness();
        var file = cli.Dir.Write("digest.txt", Digests.Build(2) + "\n" + new string('T', 200_000) + "\n\n" + Digests.Abstract(9) + "\n\nA Cut Off Paper\n");

        var run = await cli.RunAsync("import", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 new, 0 updated, 0 unchanged, 2 rejected", run.Out, StringComparison.Ordinal);
        Assert.Contains("200,000 characters", run.Err, StringComparison.Ordinal);
        Assert.Contains("no abstract", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_and_binary_files_fail_clearly_while_the_good_file_still_imports()
    {
        using var cli = new CliHarness();
        var empty = cli.Dir.Write("empty.txt", "");
        var binary = cli.Dir.File("image.png");
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF, 0xFE]);
        var good = cli.Dir.Write("good.txt", Digests.Build(3));

        var run = await cli.RunAsync("import", empty, binary, good);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("empty.txt: not imported: the file is empty", run.Err, StringComparison.Ordinal);
        Assert.Contains("image.png: not imported:", run.Err, StringComparison.Ordinal);
        Assert.Contains("good.txt: 3 new", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_feed_in_the_middle_is_reported_and_the_files_after_it_still_import()
    {
        using var cli = new CliHarness();
        var old = cli.Dir.Write("old.rss", "<rss version=\"0.93\"><channel><item><title>Old but Fine</title><link>https://o.example/1</link></item></channel></rss>");
        var broken = cli.Dir.Write("broken.rss", "<rss version=\"0.91\">\n<channel>\n<item><title>cut");
        var opml = cli.Dir.Write("list.xml", "<?xml version=\"1.0\"?>\n<rss><nonsense/></rss>");
        var good = cli.Dir.Write("good.txt", Digests.Build(2));

        var run = await cli.RunAsync("import", old, broken, FixtureFiles.PathOf("feeds/nature-rdf.xml"), opml, FixtureFiles.PathOf("feeds/encodings/big5.xml"), good);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("old.rss: 1 new", run.Out, StringComparison.Ordinal);
        Assert.Contains("broken.rss: not imported: Malformed XML at line 3, position ", run.Err, StringComparison.Ordinal);
        Assert.Contains("nature-rdf.xml: 3 new", run.Out, StringComparison.Ordinal);
        Assert.Contains("list.xml: not imported: The <rss> document has neither a channel nor items.", run.Err, StringComparison.Ordinal);
        Assert.Contains("big5.xml: 1 new", run.Out, StringComparison.Ordinal);
        Assert.Contains("good.txt: 2 new", run.Out, StringComparison.Ordinal);
        Assert.Contains("total: 7 new", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_a_usage_error_and_imports_nothing()
    {
        using var cli = new CliHarness();
        var good = cli.Dir.Write("good.txt", Digests.Build(3));

        var run = await cli.RunAsync("import", good, "missing.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file: missing.txt", run.Err, StringComparison.Ordinal);
        Assert.Contains("no papers stored yet", (await cli.RunAsync("latest")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_import_with_notify_alerts_existing_subscribers()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("subscribe", "--discord-user", "42", "--query", "topic 2");
        var silent = await cli.RunAsync("import", cli.Dir.Write("a.txt", Digests.Build(3)));
        var notified = await cli.RunAsync("import", "--notify", cli.Dir.Write("b.txt", Digests.Build(3, header: "Mar 13\n\n").Replace("Paper 00", "Study 00", StringComparison.Ordinal)));

        Assert.DoesNotContain("alerts queued", silent.Out, StringComparison.Ordinal);
        Assert.Contains("3 new", notified.Out, StringComparison.Ordinal);
        Assert.Contains("1 alerts queued", notified.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_page_capture_imports_96_papers_once_when_it_is_present()
    {
        if (Digests.SharedCapture() is not { } path) return; // a user's clone has no shared/ folder
        using var cli = new CliHarness();

        Assert.Contains("96 new, 0 updated, 0 unchanged, 0 rejected", (await cli.RunAsync("import", path)).Out, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 updated, 96 unchanged, 0 rejected", (await cli.RunAsync("import", path)).Out, StringComparison.Ordinal);
        using var latest = JsonDocument.Parse((await cli.RunAsync("latest", "--count", "100", "--json")).Out);
        Assert.Equal(96, latest.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_long_import_shows_its_progress_on_stderr()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("import", cli.Dir.Write("big.txt", Digests.Build(2_500)));

        Assert.Contains("2,500 new", run.Out, StringComparison.Ordinal);
        Assert.Contains("1,000/2,500 papers stored", run.Err, StringComparison.Ordinal);
        Assert.Contains("2,500/2,500 papers stored", run.Err, StringComparison.Ordinal);
    }
}
