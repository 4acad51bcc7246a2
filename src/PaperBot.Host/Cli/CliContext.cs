using Microsoft.Extensions.DependencyInjection;
using PaperBot.Host.Composition;
using PaperBot.Host.Configuration;

namespace PaperBot.Host.Cli;

/// <summary>What a verb runs with: its output streams, its working directory and, built on first use, the settings
/// and services. Tests make one per test with their own temp folder, so they run in parallel.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, string currentDirectory, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? time = null) : IDisposable
{
    private PaperBotSettings? _settings;
    private ServiceProvider? _services;

    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public string CurrentDirectory { get; } = currentDirectory;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;
    public IReadOnlyDictionary<string, string?>? Overrides { get; } = overrides;

    /// <summary>Key-per-file secrets folder; null means the default (<c>/run/secrets</c>).</summary>
    public string? SecretsDirectory { get; init; }

    /// <exception cref="UsageException">A configuration value is invalid (exit code 2).</exception>
    public PaperBotSettings Settings => _settings ??= LoadSettings();

    public T Get<T>() where T : notnull => (_services ??= ServiceRegistration.BuildForCli(Settings, Time, Err)).GetRequiredService<T>();

    /// <summary>A path from the command line or configuration, relative to the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(CurrentDirectory, path));

    private PaperBotSettings LoadSettings()
    {
        var configuration = PaperBotConfiguration.Build(CurrentDirectory, Overrides, SecretsDirectory);
        var (settings, errors) = PaperBotSettings.Load(configuration);
        if (errors.Count > 0)
            throw new UsageException("invalid configuration: " + string.Join("; ", errors));
        settings.Storage.Path = Resolve(settings.Storage.Path);
        settings.Email.PickupDirectory = Resolve(settings.Email.PickupDirectory);
        settings.Web.DataProtectionPath = Resolve(string.IsNullOrWhiteSpace(settings.Web.DataProtectionPath)
            ? Path.Combine(Path.GetDirectoryName(settings.Storage.Path)!, "keys") : settings.Web.DataProtectionPath);
        return settings;
    }

    public void Dispose() => _services?.Dispose();
}

/// <summary>Bad usage or bad configuration: the message names the option or key; exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
