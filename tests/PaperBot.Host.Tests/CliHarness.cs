using PaperBot.Host.Cli;
using PaperBot.Testing;

namespace PaperBot.Host.Tests;

public sealed record CliRun(int ExitCode, string Out, string Err);

/// <summary>Runs the real command line in-process, in a temp working directory with its own database.</summary>
public sealed class CliHarness : IDisposable
{
    public TempDirectory Dir { get; } = new();
    public Dictionary<string, string?> Config { get; } = [];

    public CliHarness()
    {
        Config["Storage:Path"] = DatabasePath;
        Config["Web:Urls"] = "http://127.0.0.1:0";
    }

    public string DatabasePath => Dir.File("data/paperbot.db");

    /// <summary>Turns Discord on against <paramref name="fake"/>.</summary>
    public void UseDiscord(PaperBot.Testing.Discord.FakeDiscordServer fake)
    {
        Config["Discord:Token"] = PaperBot.Testing.Discord.FakeDiscordServer.Token;
        Config["Discord:ApplicationId"] = PaperBot.Testing.Discord.FakeDiscordServer.ApplicationId;
        Config["Discord:ApiBaseUrl"] = fake.ApiBaseUrl;
    }

    /// <summary>Given to each run's context (see <see cref="CliContext.ServiceOverrides"/>).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ServiceOverrides { get; set; }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    public async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code;
        using (var ctx = new CliContext(output, error, Dir.Path, Config) { SecretsDirectory = Dir.File("secrets"), ServiceOverrides = ServiceOverrides })
            code = await CliApp.RunAsync(args, ctx, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void Dispose() => Dir.Dispose();
}
