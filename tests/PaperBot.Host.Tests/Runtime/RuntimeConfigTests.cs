using System.Text.Json;

namespace PaperBot.Host.Tests.Runtime;

public class RuntimeConfigTests
{
    [Fact]
    public void The_service_keeps_enough_pool_threads_that_blocking_jobs_do_not_hold_up_requests()
    {
        // The published paperbot.runtimeconfig.json (as the image runs it): on a 2-core host the default floor is 2
        // threads, and a day's ingest, dispatch and health checks block that many in LiteDB, so interactions queued
        // for the pool's slow thread injection (p99 1.2-2 s in the load report, 0.14-0.17 s with this floor).
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "paperbot.runtimeconfig.json")));

        var floor = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Threading.ThreadPool.MinThreads").GetInt32();

        Assert.True(floor >= 16, $"thread pool floor {floor}");
    }
}
