using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PaperBot.EndToEnd.Harness;

/// <summary>
/// One <c>paperbot run</c> process: started with an environment of its own (nothing inherited that starts with
/// PAPERBOT_), its output kept for the failure message, killed with SIGKILL or stopped with SIGTERM.
/// </summary>
public sealed class PaperBotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private PaperBotProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        _http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUri { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<PaperBotProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, Uri baseUri, params string[] args)
    {
        var info = new ProcessStartInfo(await PublishedApp.ExecutableAsync())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("PAPERBOT_", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        foreach (var a in args.Length == 0 ? ["run"] : args) info.ArgumentList.Add(a);
        return new PaperBotProcess(Process.Start(info)!, baseUri);
    }

    /// <summary>Waits until <c>/healthz</c> answers with anything but <c>starting</c>: listening, index caught up,
    /// schedules started.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? StartPatience);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"paperbot exited with {_process.ExitCode} while starting:\n{Output}");
            if (await TryHealthAsync() is { } health && health.Status != "starting") return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"paperbot was not ready within {(patience ?? StartPatience).TotalSeconds} s:\n{Output}");
    }

    public async Task<Health> HealthAsync() =>
        await TryHealthAsync() ?? throw new InvalidOperationException("/healthz did not answer:\n" + Output);

    private async Task<Health?> TryHealthAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
            var json = await response.Content.ReadAsStringAsync();
            return new Health((int)response.StatusCode, JsonDocument.Parse(json).RootElement.Clone(), json);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as <c>docker stop</c> sends; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(35));
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _http.Dispose();
        _process.Dispose();
    }
}

/// <summary>What <c>/healthz</c> answered.</summary>
public sealed record Health(int HttpStatus, JsonElement Json, string Text)
{
    public string Status => Json.GetProperty("status").GetString()!;

    public JsonElement Component(string name) => Json.GetProperty("components").GetProperty(name);

    public string ComponentStatus(string name) =>
        Json.GetProperty("components").TryGetProperty(name, out var c) ? c.GetProperty("status").GetString()! : "(absent)";

    public override string ToString() => Text;
}
