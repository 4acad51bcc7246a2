using System.Diagnostics;
using PaperBot.Testing;
using PaperBot.Testing.Http;

namespace PaperBot.Host.Tests.Container;

/// <summary>No Docker engine runs here, so the image is checked by its parts: the Dockerfile's shape, its publish
/// command run for real, and the published binary started with the container's environment.</summary>
public class ContainerTests
{
    private readonly Dockerfile _dockerfile = Dockerfile.Load();

    [Fact]
    public void The_dockerfile_restores_from_project_files_before_copying_sources_and_runs_as_non_root()
    {
        var copies = _dockerfile.All("COPY").ToList();
        var restoreAt = _dockerfile.Instructions.ToList().FindIndex(i => i.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var sourcesAt = _dockerfile.Instructions.ToList().FindIndex(i => i == "COPY src/ src/");
        Assert.True(restoreAt > 0 && sourcesAt > restoreAt, "restore must come before the sources are copied");

        // Every project the host needs must be in the restore layer, or the build breaks when a project is added.
        foreach (var project in Directory.GetFiles(Path.Combine(_dockerfile.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_dockerfile.Root, project).Replace('\\', '/');
            Assert.Contains(copies, c => c.StartsWith(relative + " ", StringComparison.Ordinal));
        }
        Assert.Equal(2, _dockerfile.All("FROM").Count());
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:10.0", _dockerfile.All("FROM").Last(), StringComparison.Ordinal);
        Assert.Equal("$APP_UID", _dockerfile.All("USER").Single());
        Assert.Equal("/data", _dockerfile.All("VOLUME").Single());
        Assert.Equal("8080", _dockerfile.All("EXPOSE").Single());
        Assert.Equal("""["paperbot", "run"]""", _dockerfile.All("ENTRYPOINT").Single());
        Assert.Contains("""["paperbot", "healthcheck"]""", _dockerfile.All("HEALTHCHECK").Single(), StringComparison.Ordinal);
        Assert.StartsWith("/data/", _dockerfile.FinalEnvironment()["PAPERBOT_Storage__Path"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_paperbot_starts_with_the_container_environment_and_stops_cleanly_on_sigterm()
    {
        using var dir = new TempDirectory();
        var app = dir.File("app");
        var data = dir.File("data");
        await Publish(app);

        var environment = _dockerfile.FinalEnvironment()
            .Where(kv => kv.Key.StartsWith("PAPERBOT_", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Replace("/data", data, StringComparison.Ordinal));
        environment["PAPERBOT_Web__Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var binary = Path.Combine(app, "paperbot");

        using var service = Start(binary, ["run"], environment, dir.Path);
        try
        {
            var healthy = false;
            for (var attempt = 0; attempt < 60 && !healthy && !service.HasExited; attempt++)
            {
                await Task.Delay(500);
                healthy = (await RunToEnd(binary, ["healthcheck"], environment, dir.Path)).ExitCode == 0;
            }
            Assert.True(healthy, "the service never answered healthy: " + (service.HasExited ? await service.StandardError.ReadToEndAsync() : "still running"));
            Assert.True(File.Exists(Path.Combine(data, "paperbot.db")), "the database belongs under the data volume");
            // A verb in a second process beside the service (docker exec …) goes through the admin socket.
            var beside = await RunToEnd(binary, ["subscriptions"], environment, dir.Path);
            Assert.True(beside.ExitCode == 0 && beside.Output.Contains("no subscriptions", StringComparison.Ordinal), beside.Output);
        }
        finally
        {
            if (!service.HasExited) Signal(service.Id, "TERM");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await service.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, service.ExitCode);
    }

    private async Task Publish(string output)
    {
        foreach (var run in _dockerfile.All("RUN").Where(r => r.StartsWith("dotnet ", StringComparison.Ordinal)))
        {
            var args = run.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(a => a == "/app" ? output : a).ToArray();
            var result = await RunToEnd("dotnet", args, new Dictionary<string, string>(), _dockerfile.Root);
            Assert.True(result.ExitCode == 0, $"`{run}` failed:\n{result.Output}");
        }
        Assert.True(File.Exists(Path.Combine(output, "paperbot")), "publish must produce the paperbot executable");
        Assert.True(File.Exists(Path.Combine(output, "appsettings.json")), "publish must ship appsettings.json");
    }

    private static Process Start(string file, string[] args, IReadOnlyDictionary<string, string> env, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task<(int ExitCode, string Output)> RunToEnd(string file, string[] args, IReadOnlyDictionary<string, string> env, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void Signal(int pid, string signal) => Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
}
