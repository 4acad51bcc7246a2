using Microsoft.Extensions.Configuration;

namespace PaperBot.Host.Configuration;

/// <summary>
/// Layers, later wins (interface.md §2): <c>appsettings.json</c> beside the executable, <c>config/appsettings.local.json</c>
/// (git-ignored), <c>PAPERBOT_Section__Key</c> environment variables, then one file per key under the secrets folder
/// (<c>/run/secrets</c>; the <c>PAPERBOT_SECRETS_DIR</c> variable moves it).
/// </summary>
public static class PaperBotConfiguration
{
    public const string EnvironmentPrefix = "PAPERBOT_";

    /// <param name="overrides">Applied last; tests use it instead of the process environment.</param>
    /// <param name="secretsDirectory">Where key-per-file secrets live; by default <c>PAPERBOT_SECRETS_DIR</c> or <c>/run/secrets</c>.</param>
    public static IConfigurationRoot Build(string? currentDirectory = null, IReadOnlyDictionary<string, string?>? overrides = null, string? secretsDirectory = null)
    {
        currentDirectory ??= Environment.CurrentDirectory;
        var secrets = secretsDirectory ?? Environment.GetEnvironmentVariable(EnvironmentPrefix + "SECRETS_DIR") ?? "/run/secrets";
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false, reloadOnChange: false)
            .AddJsonFile(Path.Combine(currentDirectory, "config", "appsettings.local.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix);
        if (Directory.Exists(secrets)) builder.AddKeyPerFile(secrets, optional: true, reloadOnChange: false);
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }
}
