using System.Diagnostics;
using System.Reflection;
using PaperBot.Testing;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// <c>dotnet publish src/PaperBot.Host</c> once per test run, into a temp folder removed when the run ends. The
/// project reference has already built the host in this configuration, so publishing only lays out the files
/// (about 2 s); without that build (a test run with --no-build on a fresh tree) it builds.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The published <c>paperbot</c> executable.</summary>
    public static async Task<string> ExecutableAsync() => Path.Combine(await Folder.Value, "paperbot");

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "paperbot-e2e", "app-" + Guid.NewGuid().ToString("N")[..12]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(output);
        var configuration = typeof(PublishedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(Repository.Root(), "src", "PaperBot.Host", "PaperBot.Host.csproj");
        var (code, log) = await DotnetAsync("publish", project, "-c", configuration, "--no-build", "-o", output, "-nologo", "-v", "q");
        if (code != 0) (code, log) = await DotnetAsync("publish", project, "-c", configuration, "-o", output, "-nologo", "-v", "q");
        if (code != 0 || !File.Exists(Path.Combine(output, "paperbot")))
            throw new InvalidOperationException($"dotnet publish failed ({code}):\n{log}");
        return output;
    }

    private static async Task<(int Code, string Log)> DotnetAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
        catch (UnauthorizedAccessException) { }
    }
}
