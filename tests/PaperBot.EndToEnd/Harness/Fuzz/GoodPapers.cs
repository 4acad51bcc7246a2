using System.Text.Json;
using PaperBot.Core.Papers;
using PaperBot.Storage;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>The papers stored before the fuzzing, and which of them are gone after it (read from the database file
/// with the process stopped).</summary>
public static class GoodPapers
{
    public static async Task<IReadOnlyList<string>> StoredAsync(Deployment d)
    {
        var (code, output) = await d.VerbAsync("latest", "--count", "1000", "--json");
        Assert.True(code == 0, output);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
    }

    /// <summary>Stops the process (SIGTERM: it must exit 0) and lists the <paramref name="ids"/> no longer stored.</summary>
    public static async Task<IReadOnlyList<string>> MissingAfterStopAsync(Deployment d, IReadOnlyList<string> ids)
    {
        var code = await d.Process!.StopAsync();
        Assert.True(code == 0, $"paperbot exited {code} on SIGTERM after the fuzzing:\n{d.Logs()}");
        using var db = LiteDbContext.Open(d.DatabasePath);
        var store = new LiteDbPaperStore(db, TimeProvider.System);
        return [.. ids.Where(id => store.Find(PaperId.Parse(id)) is null)];
    }
}
