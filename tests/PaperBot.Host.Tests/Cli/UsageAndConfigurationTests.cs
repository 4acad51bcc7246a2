using PaperBot.Testing;

namespace PaperBot.Host.Tests.Cli;

public class UsageAndConfigurationTests
{
    [Fact]
    public async Task An_unknown_verb_exits_2_with_the_help()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Err, StringComparison.Ordinal);
        Assert.Contains("import", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_with_the_verbs_help()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("latest", "--colour");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--colour", run.Err, StringComparison.Ordinal);
        Assert.Contains("--count", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        using var cli = new CliHarness();
        foreach (var verb in new[] { "run", "demo", "import", "ingest", "search", "match", "latest", "trending", "reindex", "subscribe", "subscriptions", "unsubscribe", "resume", "deliver", "healthcheck" })
        {
            var run = await cli.RunAsync(verb, "--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_out_of_range_count_is_a_usage_error()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("latest", "--count", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--count must be between 1 and 1000", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Delivery:DigestTime", "25:99")]
    [InlineData("Delivery:TimeZone", "Mars/Olympus")]
    [InlineData("Delivery:MaxItemsPerDigest", "0")]
    [InlineData("Email:From", "not an address")]
    [InlineData("Email:Smtp:Port", "70000")]
    [InlineData("Email:PublicBaseUrl", "ftp://x")]
    [InlineData("Web:Urls", "nonsense")]
    [InlineData("Web:TrustedProxies", "10.0.0.0/8, proxy.local")]
    [InlineData("Discord:ApiBaseUrl", "discord")]
    [InlineData("Storage:Path", "")]
    public async Task An_invalid_configuration_value_exits_2_naming_the_key(string key, string value)
    {
        using var cli = new CliHarness();
        cli.Config[key] = value;
        var run = await cli.RunAsync("latest");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(key, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_exits_2_naming_the_key()
    {
        using var cli = new CliHarness();
        cli.Config["Email:Smtp:Port"] = "five-eight-seven";
        var run = await cli.RunAsync("latest");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Email:Smtp:Port", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discord_token_without_an_application_id_is_refused_without_printing_the_token()
    {
        using var cli = new CliHarness();
        cli.Config["Discord:Token"] = "secret-token-value";
        var run = await cli.RunAsync("latest");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Discord:ApplicationId", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", run.Err + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_held_by_another_process_exits_1_naming_the_file()
    {
        using var cli = new CliHarness();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.DatabasePath)!);
        using var held = new FileStream(cli.DatabasePath + ".lock", FileMode.Create, FileAccess.ReadWrite, FileShare.None);

        var run = await cli.RunAsync("latest");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(cli.DatabasePath, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_database_exits_1_naming_the_file()
    {
        using var cli = new CliHarness();
        Directory.CreateDirectory(Path.GetDirectoryName(cli.DatabasePath)!);
        await File.WriteAllTextAsync(cli.DatabasePath, string.Concat(Enumerable.Repeat("this is not a database ", 4000)));

        var run = await cli.RunAsync("latest");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(cli.DatabasePath, run.Err, StringComparison.Ordinal);
        Assert.Contains("corrupted", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_settings_file_overrides_the_defaults()
    {
        using var cli = new CliHarness();
        cli.Dir.Write("config/appsettings.local.json", """{ "Delivery": { "DigestTime": "7 o'clock" } }""");
        var run = await cli.RunAsync("latest");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Delivery:DigestTime", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_file_named_after_its_key_is_read_and_its_value_never_printed()
    {
        using var cli = new CliHarness();
        cli.Config.Remove("Discord:Token");
        cli.Dir.Write("secrets/Discord__Token", "secret-from-file");
        var run = await cli.RunAsync("latest");
        Assert.Equal(2, run.ExitCode); // the token is now set, so the missing application id is reported
        Assert.Contains("Discord:ApplicationId", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-from-file", run.Err + run.Out, StringComparison.Ordinal);
    }
}
