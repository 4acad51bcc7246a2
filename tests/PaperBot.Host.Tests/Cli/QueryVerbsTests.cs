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
}
