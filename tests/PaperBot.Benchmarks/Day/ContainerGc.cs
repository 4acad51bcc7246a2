using System.Diagnostics;

namespace PaperBot.Benchmarks.Day;

/// <summary>
/// The day runs under the garbage collector settings the container ships (Dockerfile: workstation, concurrent, a 64 MB
/// young generation). These are environment-only settings, read when the runtime starts, so the benchmark starts
/// itself again with them; <c>--default-gc</c> measures under the runtime's defaults instead.
/// </summary>
internal static class ContainerGc
{
    public static readonly (string Name, string Value)[] Settings = [("DOTNET_gcServer", "0"), ("DOTNET_gcConcurrent", "1"), ("DOTNET_GCgen0size", "0x4000000")];

    public static bool Applies => Settings.All(s => Environment.GetEnvironmentVariable(s.Name) == s.Value);

    public static string Describe() => string.Join(" ", Settings.Select(s => $"{s.Name}={s.Value}"));

    /// <summary>Runs <c>day</c> with these arguments in a child process under the container's settings; its exit code.</summary>
    public static async Task<int> RunAgainAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        // Under `dotnet run` the process is the app host; under `dotnet app.dll` it is dotnet itself.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(ContainerGc).Assembly.Location);
        start.ArgumentList.Add("day");
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in Settings) start.Environment[name] = value;
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }
}
