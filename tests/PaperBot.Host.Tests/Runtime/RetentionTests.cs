using PaperBot.Core.Storage;
using PaperBot.Host.Cli;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Runtime;

/// <summary><c>Storage:RetentionDays</c>: old papers nothing references leave the store and the search index, and stay gone.</summary>
public sealed class RetentionTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public RetentionTests() => _cli.Dir.Write("digest.txt", Digests.Build(12));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Papers_past_retention_leave_store_and_index_unless_an_undelivered_alert_needs_them_and_do_not_come_back_as_new()
    {
        Assert.Equal(0, (await _cli.RunAsync("subscribe", "--discord-channel", "11", "--guild", "22", "--query", "\"topic 7\"")).ExitCode);
        Assert.Contains("1 alerts queued", (await _cli.RunAsync("import", "digest.txt", "--notify")).Out, StringComparison.Ordinal);

        int pruned;
        using (var ctx = new CliContext(TextWriter.Null, TextWriter.Null, _cli.Dir.Path, _cli.Config) { SecretsDirectory = _cli.Dir.File("secrets") })
        {
            ctx.Get<Core.Search.IPaperSearch>(); // the index exists and is caught up, as in the service
            pruned = ctx.Get<RetentionService>().Prune(TimeSpan.Zero); // everything stored before now is past retention
        }

        Assert.Equal(11, pruned);
        var latest = await _cli.RunAsync("latest");
        Assert.Contains("Topic 7 ", latest.Out, StringComparison.Ordinal); // its alert is still queued
        Assert.DoesNotContain("Topic 3 ", latest.Out, StringComparison.Ordinal);
        Assert.Contains("\"total\": 1", (await _cli.RunAsync("search", "careful", "--json")).Out, StringComparison.Ordinal);
        var again = await _cli.RunAsync("import", "digest.txt", "--notify");
        Assert.Contains("0 new, 0 updated, 12 unchanged", again.Out, StringComparison.Ordinal);
        Assert.Contains("\"total\": 1", (await _cli.RunAsync("search", "careful", "--json")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("36501")]
    [InlineData("a week")]
    public async Task A_bad_retention_is_refused_at_start_naming_the_key(string days)
    {
        _cli.Config["Storage:RetentionDays"] = days;

        var run = await _cli.RunAsync("subscriptions");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Storage", run.Err, StringComparison.Ordinal);
        Assert.Contains("RetentionDays", run.Err, StringComparison.Ordinal);
    }
}
