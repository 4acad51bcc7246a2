using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Storage;

namespace PaperBot.Host.Web.Health;

/// <summary>The database answers, takes writes, and how large its file is (never its path: /healthz is public).</summary>
public sealed class DatabaseHealthCheck(LiteDbContext context) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext _, CancellationToken cancellationToken = default)
    {
        try
        {
            // Reading the header goes through the engine: a closed or broken database throws here.
            var version = context.Database.UserVersion;
            var size = new FileInfo(context.Path).Length;
            // The I/O message names the file; it stays in the logs.
            if (context.WriteFailure is not null)
                return Task.FromResult(HealthCheckResult.Unhealthy("writes fail on the file system (is the disk full?)", data: new Dictionary<string, object>
                {
                    ["open"] = true, ["writable"] = false, ["sizeBytes"] = size, ["schemaVersion"] = version,
                }));
            return Task.FromResult(HealthCheckResult.Healthy("open", new Dictionary<string, object>
            {
                ["open"] = true, ["sizeBytes"] = size, ["schemaVersion"] = version,
            }));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the database does not answer", e, new Dictionary<string, object> { ["open"] = false }));
        }
    }
}
