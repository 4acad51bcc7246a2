using System.Net;
using System.Text.RegularExpressions;
using PaperBot.Host.Admin;
using PaperBot.Storage;
using PaperBot.Testing;

namespace PaperBot.Host.Tests.Runtime;

/// <summary>Verbs beside a running service (interface.md §1): they go through the admin socket and behave exactly as
/// they do with the service down.</summary>
public sealed partial class AdminRouteTests
{
    private static CliHarness Harness()
    {
        var cli = new CliHarness();
        cli.Config["Sources:HuggingFace:Enabled"] = "false"; // no network: nothing polls at start
        cli.Dir.Write("digest.txt", Digests.Build(12));
        return cli;
    }

    /// <summary>The steps whose papers all tie (one import, one date, one template), so their order is the store's
    /// or the index's and may differ.</summary>
    private static readonly int[] TiedOrder = [2, 3, 4];

    /// <summary>Every verb of interface.md that touches the database, in an order where each one has work to do.
    /// Subscription ids are random; each script step may use the id the subscribe step printed.</summary>
    private static async Task<List<CliRun>> RunScriptAsync(CliHarness cli)
    {
        var runs = new List<CliRun>
        {
            await cli.RunAsync("import", "digest.txt"),
            await cli.RunAsync("import", "digest.txt", "--json"),
            await cli.RunAsync("latest"),
            await cli.RunAsync("latest", "--json"),
            await cli.RunAsync("search", "topic"),
            await cli.RunAsync("search", "\"topic 7\" careful", "--json"),
            await cli.RunAsync("search", "(unclosed"),
            await cli.RunAsync("match", "\"topic 7\""),
            await cli.RunAsync("trending"),
            await cli.RunAsync("subscribe", "--discord-channel", "11", "--guild", "22", "--query", "careful"),
        };
        var id = runs[^1].Out.Trim();
        runs.Add(await cli.RunAsync("subscribe", "--email", "ann@example.org", "--query", "topic"));
        runs.Add(await cli.RunAsync("subscribe", "--email", "not-an-address", "--query", "topic"));
        runs.Add(await cli.RunAsync("subscriptions"));
        runs.Add(await cli.RunAsync("subscriptions", "--json"));
        runs.Add(await cli.RunAsync("resume", id));
        runs.Add(await cli.RunAsync("resume", "s-nobody"));
        runs.Add(await cli.RunAsync("unsubscribe", id));
        runs.Add(await cli.RunAsync("unsubscribe", id));
        runs.Add(await cli.RunAsync("deliver"));
        runs.Add(await cli.RunAsync("deliver", "--json"));
        runs.Add(await cli.RunAsync("ingest"));
        runs.Add(await cli.RunAsync("reindex"));
        runs.Add(await cli.RunAsync("backup", "backups/copy.db"));
        runs.Add(await cli.RunAsync("backup", "backups"));
        runs.Add(await cli.RunAsync("backup", "data/paperbot.db"));
        runs.Add(await cli.RunAsync("latest", "--help"));
        return runs;
    }

    [Fact]
    public async Task Every_verb_beside_a_running_service_prints_what_it_prints_with_the_service_down()
    {
        using var alone = Harness();
        var direct = await RunScriptAsync(alone);

        using var beside = Harness();
        await using (var service = await LiveService.StartAsync(beside))
        {
            Assert.True(File.Exists(AdminSocket.PathFor(beside.DatabasePath)));
            var routed = await RunScriptAsync(beside);
            for (var i = 0; i < direct.Count; i++)
            {
                Assert.True(direct[i].ExitCode == routed[i].ExitCode, $"step {i}: exit {direct[i].ExitCode} alone, {routed[i].ExitCode} beside the service");
                Assert.True(Normalize(direct[i].Out, alone, TiedOrder.Contains(i)) == Normalize(routed[i].Out, beside, TiedOrder.Contains(i)),
                    $"step {i} printed\n{direct[i].Out}\nalone and\n{routed[i].Out}\nbeside the service");
                Assert.Equal(Normalize(direct[i].Out, alone, TiedOrder.Contains(i)), Normalize(routed[i].Out, beside, TiedOrder.Contains(i)));
                Assert.Equal(Normalize(direct[i].Err, alone), Normalize(routed[i].Err, beside));
            }
            Assert.Equal(0, (await service.StopAsync()).ExitCode);
        }
        Assert.Equal(12, DatabaseBackup.Inspect(beside.Dir.File("backups/copy.db")).Papers);
    }

    [Fact]
    public async Task Changes_made_beside_the_service_reach_its_matcher_and_its_search_index()
    {
        using var cli = Harness();
        await using var service = await LiveService.StartAsync(cli);

        Assert.Equal(0, (await cli.RunAsync("subscribe", "--discord-channel", "11", "--guild", "22", "--query", "careful")).ExitCode);
        var imported = await cli.RunAsync("import", "digest.txt", "--notify");
        var found = await cli.RunAsync("search", "careful", "--json");

        Assert.Contains("12 new", imported.Out, StringComparison.Ordinal);
        Assert.Contains("12 alerts queued", imported.Out, StringComparison.Ordinal); // the running matcher knew the new subscription
        Assert.Contains("\"total\": 12", found.Out, StringComparison.Ordinal);        // the running index took the import
    }

    [Fact]
    public async Task A_verb_with_the_service_down_opens_the_database_itself_even_beside_a_stale_socket_file()
    {
        using var cli = Harness();
        await using (var service = await LiveService.StartAsync(cli))
            Assert.Equal(0, (await service.StopAsync()).ExitCode);
        Assert.False(File.Exists(AdminSocket.PathFor(cli.DatabasePath)));

        File.WriteAllText(AdminSocket.PathFor(cli.DatabasePath), "left by a crash");
        var run = await cli.RunAsync("import", "digest.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("12 new", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_process_on_the_database_without_an_admin_socket_still_gets_the_in_use_error()
    {
        using var cli = Harness();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.DatabasePath)!);
        using var other = LiteDbContext.Open(cli.DatabasePath);

        var run = await cli.RunAsync("subscriptions");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("in use by another PaperBot process", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_route_is_owner_only_and_not_served_on_the_public_port()
    {
        using var cli = Harness();
        await using var service = await LiveService.StartAsync(cli);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(service.BaseUri, AdminEndpoint.Route),
            new StringContent("""{"args":["subscriptions"],"currentDirectory":"/"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AdminSocket.PathFor(cli.DatabasePath)));
    }

    [Fact]
    public async Task Commands_that_start_or_probe_the_service_are_refused_inside_it()
    {
        using var cli = Harness();
        await using var service = await LiveService.StartAsync(cli);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var ctx = PaperBot.Host.Cli.CliContext.ForService(output, error, cli.Dir.Path,
            (PaperBot.Host.Composition.PaperBotSettings)service.Services.GetService(typeof(PaperBot.Host.Composition.PaperBotSettings))!, service.Services, TimeProvider.System);

        var code = await PaperBot.Host.Cli.CliApp.RunAsync(["run"], ctx);

        Assert.Equal(2, code);
        Assert.Contains("not inside the running service", error.ToString(), StringComparison.Ordinal);
    }

    // What legitimately differs between two runs: random subscription ids, timings and the temp folder.
    private static string Normalize(string text, CliHarness cli, bool anyOrder = false)
    {
        if (anyOrder) text = string.Join('\n', text.Split('\n').Order(StringComparer.Ordinal));
        text = text.Replace(cli.Dir.Path, "<dir>", StringComparison.Ordinal);
        text = SubscriptionId().Replace(text, "s-<id>");
        text = Timestamp().Replace(text, "<time>");
        return Duration().Replace(text, "<n> $1");
    }

    [GeneratedRegex(@"s-[0-9a-z]{6,}")]
    private static partial Regex SubscriptionId();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\d[\d,.]* (s|MB)\b")]
    private static partial Regex Duration();
}
