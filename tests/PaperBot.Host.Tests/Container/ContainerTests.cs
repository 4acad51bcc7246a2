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
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the image is Linux; so is this stand-in
    public async Task The_published_paperbot_runs_from_a_read_only_app_folder_writes_only_data_and_temp_logs_json_without_secrets_and_stops_on_sigterm()
    {
        using var dir = new TempDirectory();
        var app = dir.File("app");
        var data = dir.File("data");
        var temp = dir.File("tmp");
        var secrets = dir.File("secrets");
        Directory.CreateDirectory(temp);
        Directory.CreateDirectory(secrets);
        await Publish(app);
        using var readOnly = new ReadOnlyFolder(app);
        var appBefore = Tree(app);

        await using var fakes = await FixtureHttpServer.StartAsync();
        fakes.On("/api/daily_papers", FixtureResponse.Code(500));
        fakes.On("/gateway/bot", FixtureResponse.Code(401));
        var secretValues = new Dictionary<string, string>
        {
            ["Discord__Token"] = "MTAxNzY0.secret-discord-token.Zx9q",
            ["Email__Smtp__Password"] = "smtp-password-Qw3rty!",
            ["Web__TokenSecret"] = "link-signing-secret-8c1f-0b9e4d27a6f3c5e1d8",
        };
        foreach (var (key, value) in secretValues) await File.WriteAllTextAsync(Path.Combine(secrets, key), value);

        // The image's environment, its folders mapped into this test's temp folder.
        var environment = _dockerfile.FinalEnvironment()
            .Where(kv => kv.Key.StartsWith("PAPERBOT_", StringComparison.Ordinal) || kv.Key.StartsWith("DOTNET_", StringComparison.Ordinal) || kv.Key == "TMPDIR")
            .ToDictionary(kv => kv.Key, kv => Mapped(kv.Value, ("/data", data), ("/tmp", temp)));
        Assert.Equal(temp, environment["TMPDIR"]);
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        environment["PAPERBOT_Web__Urls"] = url;
        environment["PAPERBOT_SECRETS_DIR"] = secrets;
        environment["PAPERBOT_Logging__Console__FormatterName"] = "json";
        environment["PAPERBOT_Logging__LogLevel__Default"] = "Debug";
        environment["PAPERBOT_Sources__HuggingFace__BaseUrl"] = fakes.BaseUri.ToString();
        environment["PAPERBOT_Sources__Http__RetryCount"] = "0";
        environment["PAPERBOT_Discord__ApiBaseUrl"] = fakes.Url("/").ToString().TrimEnd('/');
        environment["PAPERBOT_Discord__ApplicationId"] = "101764000000000001";
        environment["PAPERBOT_Email__From"] = "paperbot@example.org";
        environment["PAPERBOT_Email__Smtp__Host"] = "127.0.0.1";
        environment["PAPERBOT_Email__Smtp__Port"] = LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PAPERBOT_Email__Smtp__Username"] = "paperbot";
        var binary = Path.Combine(app, "paperbot");

        using var service = Start(binary, ["run"], environment, app);
        var stdout = new System.Text.StringBuilder();
        service.OutputDataReceived += (_, e) => { lock (stdout) stdout.AppendLine(e.Data); };
        service.BeginOutputReadLine();
        var stderr = service.StandardError.ReadToEndAsync();
        try
        {
            var healthy = false;
            for (var attempt = 0; attempt < 60 && !healthy && !service.HasExited; attempt++)
            {
                await Task.Delay(500);
                healthy = (await RunToEnd(binary, ["healthcheck"], environment, app)).ExitCode == 0 && fakes.RequestsTo("/api/daily_papers").Count > 0;
            }
            Assert.True(healthy, "the service never answered healthy: " + (service.HasExited ? await stderr : "still running"));
            using var http = new HttpClient();
            foreach (var path in new[] { "/healthz", "/status", "/metrics" }) await http.GetStringAsync(new Uri(new Uri(url), path));
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

        // The root stand-in is untouched: everything written went to data/ and tmp/.
        Assert.Equal(appBefore, Tree(app));
        Assert.Equal(["app", "data", "secrets", "tmp"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var logs = stdout + await stderr;
        var lines = logs.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains("\"Source\":\"huggingface\"", StringComparison.Ordinal)); // a stable key, as a JSON property
        Assert.All(lines.Where(l => l.StartsWith('{')), l => System.Text.Json.JsonDocument.Parse(l).Dispose());
        foreach (var (key, value) in secretValues) Assert.False(logs.Contains(value, StringComparison.Ordinal), $"the log shows the secret {key}");
    }

    /// <summary>A container path under one of the mapped folders becomes the same path under its stand-in.</summary>
    private static string Mapped(string value, params (string Container, string Host)[] folders)
    {
        foreach (var (container, host) in folders)
        {
            if (value == container || value.StartsWith(container + "/", StringComparison.Ordinal)) return host + value[container.Length..];
        }
        return value;
    }

    /// <summary>Every file's path, size and write time: what a read-only root guarantees, checked even as root.</summary>
    private static List<string> Tree(string root) =>
        [.. Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => $"{Path.GetRelativePath(root, p)} {(File.Exists(p) ? new FileInfo(p).Length : -1)} {File.GetLastWriteTimeUtc(p).Ticks}")];

    /// <summary>Takes the write bits off a folder tree, and gives them back so the temp folder can be removed.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class ReadOnlyFolder : IDisposable
    {
        private const UnixFileMode Write = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        private readonly string _root;

        public ReadOnlyFolder(string root)
        {
            _root = root;
            foreach (var entry in Entries()) File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) & ~Write);
        }

        public void Dispose()
        {
            foreach (var entry in Entries()) File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.UserWrite);
        }

        private IEnumerable<string> Entries() => Directory.GetFileSystemEntries(_root, "*", SearchOption.AllDirectories).Append(_root);
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
        return Process.Start(info)!;
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
