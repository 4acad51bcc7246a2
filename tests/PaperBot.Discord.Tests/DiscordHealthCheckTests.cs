using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PaperBot.Discord.Tests;

/// <summary>The <c>discord</c> component of /healthz: never unhealthy, so a rejected token cannot restart-loop the container.</summary>
public sealed class DiscordHealthCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static async Task<HealthCheckResult> CheckAsync(Action<DiscordStatus> arrange)
    {
        var status = new DiscordStatus();
        arrange(status);
        return await new DiscordHealthCheck(status).CheckHealthAsync(new HealthCheckContext());
    }

    [Fact]
    public async Task A_discord_part_stopped_for_good_is_degraded_with_its_reason_and_not_unhealthy()
    {
        var result = await CheckAsync(s => s.SetConnection(DiscordConnection.Stopped, "close code 4004: authentication failed", Now));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Stopped", result.Data["connection"]);
        Assert.Equal("close code 4004: authentication failed", result.Data["connection_detail"]);
    }

    [Fact]
    public async Task A_reconnecting_gateway_is_degraded_and_discord_off_is_healthy()
    {
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(s => s.SetConnection(DiscordConnection.Resuming, null, Now))).Status);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(_ => { })).Status);
    }

    [Fact]
    public async Task A_connected_gateway_is_healthy_and_shows_its_last_heartbeat_round_trip()
    {
        var result = await CheckAsync(s =>
        {
            s.SetConnection(DiscordConnection.Connected, "session abc", Now);
            s.HeartbeatAcked(TimeSpan.FromMilliseconds(41.26));
        });

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(41.3, result.Data["heartbeat_latency_ms"]);
    }
}
