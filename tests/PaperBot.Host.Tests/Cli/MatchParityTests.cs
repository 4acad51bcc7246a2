using System.Text.Json;
using PaperBot.Core.Queries;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Cli;

/// <summary><c>match</c> takes its candidates from the search index; it must answer exactly what evaluating the query
/// on every stored paper answers.</summary>
public class MatchParityTests
{
    [Theory]
    [InlineData("topic")]
    [InlineData("experiment* -11")]
    [InlineData("(\"careful experiments\" OR title:studying) topic 12")]
    public async Task Match_through_the_index_answers_what_a_scan_of_every_paper_answers(string query)
    {
        using var cli = new CliHarness();
        // More papers than one page of the index (100), so paging is part of the answer.
        await cli.RunAsync("import", cli.Dir.Write("d.txt", Digests.Build(230)));

        var run = await cli.RunAsync("match", query, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var viaIndex = json.RootElement.EnumerateArray()
            .Select(e => (Id: e.GetProperty("paper").GetProperty("id").GetString()!, Score: e.GetProperty("score").GetDouble()))
            .OrderBy(x => x.Id, StringComparer.Ordinal).ToList();

        var parsed = QueryParser.Parse(query).Query!;
        using var context = LiteDbContext.Open(cli.DatabasePath);
        var scanned = new LiteDbPaperStore(context, TimeProvider.System).Stream()
            .Select(p => (p.Id.Value, Match: QueryEvaluator.Evaluate(parsed, AnalyzedPaper.From(p))))
            .Where(x => x.Match is not null)
            .Select(x => (Id: x.Value, x.Match!.Score))
            .OrderBy(x => x.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(scanned, viaIndex);
        if (query == "topic") Assert.Equal(230, viaIndex.Count);
    }
}
