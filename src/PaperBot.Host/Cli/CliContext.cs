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
    private IServiceProvider? _service;

    public TextWriter Out { get; } = output;
    public TextWriter Err { get; } = error;
    public string CurrentDirectory { get; } = currentDirectory;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;
    public IReadOnlyDictionary<string, string?>? Overrides { get; } = overrides;

    /// <summary>Applied last to the services of <c>run</c>: tests put slow or scripted parts in.</summary>
    public Action<IServiceCollection>? ServiceOverrides { get; init; }

    /// <summary>Key-per-file secrets folder; null means the default (<c>/run/secrets</c>).</summary>
    public string? SecretsDirectory { get; init; }

    /// <exception cref="UsageException">A configuration value is invalid (exit code 2).</exception>
    public PaperBotSettings Settings => _settings ??= LoadSettings();

    public T Get<T>() where T : notnull =>
        (_service ?? (_services ??= ServiceRegistration.BuildForCli(Settings, Time, Err))).GetRequiredService<T>();

    /// <summary>True when a verb runs inside the running service, sent there by the admin route.</summary>
    public bool InsideService => _service is not null;

    /// <summary>A verb run inside the service (the admin route): the service's settings and singletons, the caller's
    /// working directory (paths on its command line are resolved against it) and output streams.</summary>
    public static CliContext ForService(TextWriter output, TextWriter error, string currentDirectory, PaperBotSettings settings,
        IServiceProvider services, TimeProvider time) =>
        new(output, error, currentDirectory, null, time) { _settings = settings, _service = services };

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
