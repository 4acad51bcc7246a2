using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaperBot.Core.Delivery;
using PaperBot.Email.Health;
using PaperBot.Email.Tests.Support;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests;

public class HealthAndMetricsTests
{
    [Fact]
    public async Task A_deferred_digest_degrades_email_health_with_public_facts_only_until_its_retry_is_sent()
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.Script("ann@example.org", SmtpAnswer.Defer, times: 1);
        await using var rig = EmailRig.Smtp(server, o => (o.Smtp.Username, o.Smtp.Password) = ("bot-login", "hunter2"));
        var checks = rig.Get<HealthCheckService>();

        await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);
        var degraded = (await checks.CheckHealthAsync()).Entries["email"];
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);
        var healthy = (await checks.CheckHealthAsync()).Entries["email"];

        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal("smtp", degraded.Data["transport"]);
        Assert.Equal("transient", degraded.Data["last_outcome"]);
        Assert.Equal(1, degraded.Data["queued_failures"]);
        Assert.Equal(1, degraded.Data["consecutive_failures"]);
        var everything = string.Join(" ", degraded.Data.Select(kv => $"{kv.Key}={kv.Value}")) + " " + degraded.Description;
        foreach (var secret in new[] { "127.0.0.1", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "bot-login", "hunter2", "450", "mailbox busy" })
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(0, healthy.Data["queued_failures"]);
        Assert.Equal("sent", healthy.Data["last_outcome"]);
        Assert.Equal(Papers.Now.AddMinutes(5).ToString("o", System.Globalization.CultureInfo.InvariantCulture), healthy.Data["last_success_at"]);
    }

    [Fact]
    public async Task The_meter_counts_sent_and_failed_by_kind_and_records_send_latency()
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.Script("deferred@example.org", SmtpAnswer.Defer);
        server.Script("gone@example.org", SmtpAnswer.Reject);
        await using var rig = EmailRig.Smtp(server);
        var meter = rig.Get<EmailMetrics>().Meter;
        var seen = new List<(string Instrument, double Value, string? Kind)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Kind(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, Kind(tags))));
        listener.Start();

        await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);
        await rig.Channel.SendAsync(Papers.Batch("b-2", subscription: Papers.Subscription("deferred@example.org")), CancellationToken.None);
        await rig.Channel.SendAsync(Papers.Batch("b-3", subscription: Papers.Subscription("gone@example.org")), CancellationToken.None);

        Assert.Equal(EmailMetrics.MeterName, meter.Name);
        Assert.Equal([("sent", 1.0, (string?)null)], seen.Where(s => s.Instrument == "sent"));
        Assert.Equal(["permanent", "transient"], seen.Where(s => s.Instrument == "failed").Select(s => s.Kind).Order());
        Assert.Equal(3, seen.Count(s => s.Instrument == "send_duration_seconds" && s.Value >= 0));
    }

    private static string? Kind(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
            if (tag.Key == "kind") return tag.Value as string;
        return null;
    }
}
