using PaperBot.EndToEnd.Harness;

namespace PaperBot.EndToEnd;

/// <summary>A source that goes down while the others keep working.</summary>
public sealed class SourceFaultTests
{
    [Fact]
    public async Task A_source_answering_503_turns_stale_in_healthz_while_others_deliver_and_its_papers_arrive_once_when_it_is_back()
    {
        var journalDown = false;
        await using var d = await Deployment.CreateAsync(seed: 44, down: s => s == ShelfSource.Journal && Volatile.Read(ref journalDown));
        await d.StartWithBaselineAsync();
        await d.SubscribeEmailAsync("grace@example.org", "graph");

        Volatile.Write(ref journalDown, true);
        var fromJournal = d.Shelf.Publish(ShelfSource.Journal, "Graph while the journal is down", "About graph.", "graph");
        var fromHf = d.Shelf.Publish(ShelfSource.HuggingFace, "Graph from a working source", "About graph.", "graph");

        await d.EventuallyAsync(() => Delivered.ToEmail(d, "grace@example.org").Count == 1, TimeSpan.FromSeconds(20), "the working source's paper");
        await d.EventuallyAsync(async () => Journal(await d.Process!.HealthAsync()).GetProperty("stale").GetBoolean(), TimeSpan.FromSeconds(30),
            "the journal stale in /healthz");
        var down = await d.Process!.HealthAsync();
        Assert.Equal("degraded", down.Status);
        Assert.Equal("http-503", Journal(down).GetProperty("lastErrorKind").GetString());
        Assert.True(Journal(down).GetProperty("consecutiveFailures").GetInt32() >= 2, down.Text);
        Assert.DoesNotContain(d.Sources.BaseUri.Authority, down.Text, StringComparison.Ordinal); // public: no URLs
        Assert.Equal([fromHf.Serial], Delivered.ToEmail(d, "grace@example.org"));

        Volatile.Write(ref journalDown, false);
        await d.EventuallyAsync(() => Delivered.ToEmail(d, "grace@example.org").Count == 2, TimeSpan.FromSeconds(20), "the journal's paper");
        await d.EventuallyAsync(async () => (await d.Process.HealthAsync()).Status == "healthy", TimeSpan.FromSeconds(10), "healthy again");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal([fromJournal.Serial, fromHf.Serial], Delivered.ToEmail(d, "grace@example.org").Order());
    }

    private static System.Text.Json.JsonElement Journal(Health h) =>
        h.Component("sources").GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "journal");
}
