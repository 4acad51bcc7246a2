using PaperBot.EndToEnd.Harness;

namespace PaperBot.EndToEnd;

/// <summary>The data folder's file system filling up under the running process.</summary>
public sealed class DiskFullTests
{
    private const string Grace = "grace@example.org";

    // Found by this test: a LiteDB commit that met ENOSPC threw, the rollback failed too, and the transaction stayed
    // bound to the Quartz worker thread, so every later write on it failed and /healthz said "healthy". Now a write
    // that fails on I/O replaces the engine (LiteDbContext.Recover) and /healthz reports the database not writable.
    [SmallDiskFact]
    public async Task A_full_disk_while_ingesting_loses_no_paper_and_nothing_is_sent_twice_once_space_is_back()
    {
        await using var d = await Deployment.CreateAsync(seed: 45);
        using var disk = SmallDisk.MountOver(d.DataFolder, megabytes: 64);
        await d.StartWithBaselineAsync();
        await d.SubscribeEmailAsync(Grace, "graph");
        var before = d.Shelf.Publish(ShelfSource.HuggingFace, "Graph before the disk fills", "About graph.", "graph");
        await d.EventuallyAsync(() => Delivered.ToEmail(d, Grace).Count == 1, TimeSpan.FromSeconds(20), "the first alert");

        disk.Fill();
        var full = DateTimeOffset.UtcNow;
        var during = new[]
        {
            d.Shelf.Publish(ShelfSource.HuggingFace, "Graph on a full disk", "About graph.", "graph"),
            d.Shelf.Publish(ShelfSource.Journal, "Graph on a full disk, from the journal", "About graph.", "graph"),
        };
        await Task.Delay(TimeSpan.FromSeconds(6)); // three schedule periods on a full disk
        var health = await d.Process!.HealthAsync();
        Assert.False(d.Process.HasExited, "paperbot died on a full disk:\n" + d.Logs());
        Assert.True(health.Status != "healthy", health.Text + "\n" + d.Logs());

        disk.Free();
        await d.EventuallyAsync(() => Delivered.ToEmail(d, Grace).Count >= 3, TimeSpan.FromSeconds(30), "the papers held up by the full disk");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(Delivered.Sorted([before, .. during]), Delivered.ToEmail(d, Grace).Order());
        Assert.True(full < DateTimeOffset.UtcNow);
    }
}
