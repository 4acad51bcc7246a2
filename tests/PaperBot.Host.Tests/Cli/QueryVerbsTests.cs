using System.Text.Json;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Cli;

public class QueryVerbsTests
{
    [Fact]
    public async Task Latest_lists_the_imported_papers_as_json()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", cli.Dir.Write("d.txt", Digests.Build(5)));

        using var doc = JsonDocument.Parse((await cli.RunAsync("latest", "--json", "--count", "3")).Out);

        Assert.Equal(3, doc.RootElement.GetArrayLength());
        Assert.StartsWith("title:", doc.RootElement[0].GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("file", doc.RootElement[0].GetProperty("sources")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Search_and_match_find_papers_by_whole_words_and_say_why()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", cli.Dir.Write("d.txt", Digests.Build(12)));

        var search = await cli.RunAsync("search", "topic 11");
        var match = await cli.RunAsync("match", "topic 11");

        Assert.Contains(Digests.Title(11), search.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Digests.Title(1) + "\n", search.Out, StringComparison.Ordinal);
        Assert.Contains("matched: Topic (title), topic (abstract), 11 (title), 11 (abstract)", match.Out, StringComparison.Ordinal);
        Assert.Contains("1 matching paper", match.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "\"unclosed phrase", "unclosed quote at character 1")]
    [InlineData("match", "-survey", "only excludes")]
    [InlineData("search", "title:", "")]
    [InlineData("match", "(a OR b", "")]
    public async Task A_malformed_query_exits_2_showing_where_it_went_wrong(string verb, string query, string expected)
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync(verb, query);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
        Assert.Contains("^", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_rejects_a_malformed_since_date()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("match", "x", "--since", "12/03/2026");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--since", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_reads_the_index_that_import_keeps_in_step_and_highlights_the_words()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", cli.Dir.Write("a.txt", Digests.Build(3)));
        await cli.RunAsync("import", cli.Dir.Write("b.txt", Digests.Header + "Faster Diffusion Samplers\n\n" + Digests.Abstract(1).Replace("topic 1", "diffusion", StringComparison.Ordinal) + "\n"));

        var run = await cli.RunAsync("search", "diffusion");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Faster Diffusion Samplers", run.Out, StringComparison.Ordinal);
        Assert.Contains("**diffusion**", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Digests.Title(2), run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_pages_through_many_results()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", cli.Dir.Write("a.txt", Digests.Build(30)));

        using var first = JsonDocument.Parse((await cli.RunAsync("search", "experiments", "--limit", "10", "--json")).Out);
        using var third = JsonDocument.Parse((await cli.RunAsync("search", "experiments", "--limit", "10", "--offset", "20", "--sort", "newest", "--json")).Out);

        Assert.Equal(30, first.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(10, first.RootElement.GetProperty("hits").GetArrayLength());
        Assert.Equal(10, third.RootElement.GetProperty("hits").GetArrayLength());
        Assert.Equal(2, (await cli.RunAsync("search", "x", "--limit", "1000")).ExitCode);
    }

    [Fact]
    public async Task Reindex_rebuilds_the_search_index_from_the_database()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", cli.Dir.Write("a.txt", Digests.Build(5)));
        Directory.Delete(cli.DatabasePath + ".search", recursive: true);

        var reindex = await cli.RunAsync("reindex");

        Assert.Equal(0, reindex.ExitCode);
        Assert.Contains("indexed 5 papers", reindex.Out, StringComparison.Ordinal);
        Assert.Contains(Digests.Title(4), (await cli.RunAsync("search", "topic 4")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trending_says_so_when_nothing_was_upvoted()
    {
        using var cli = new CliHarness();
        await cli.RunAsync("import", cli.Dir.Write("a.txt", Digests.Build(2)));
        var run = await cli.RunAsync("trending", "--days", "3");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no upvoted papers", run.Out, StringComparison.Ordinal);
    }
}
