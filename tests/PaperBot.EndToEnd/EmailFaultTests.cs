using System.Net;
using PaperBot.EndToEnd.Harness;
using PaperBot.Testing.Smtp;

namespace PaperBot.EndToEnd;

/// <summary>The mail server misbehaving one recipient at a time while the process runs.</summary>
public sealed class EmailFaultTests
{
    private const string Deferred = "carol@example.org";
    private const string Dropped = "erin@example.org";
    private const string Rejected = "dan@example.org";
    private const string Fine = "grace@example.org";

    [Fact]
    public async Task A_4xx_and_a_dropped_connection_are_retried_until_delivered_once_a_5xx_pauses_and_suppresses_and_healthz_shows_each()
    {
        await using var d = await Deployment.CreateAsync(seed: 41);
        d.Environment["PAPERBOT_Email__Smtp__RetryAfterDeferral"] = "00:00:01";
        d.Environment["PAPERBOT_Email__Smtp__RetryAfterConnectionLoss"] = "00:00:01";
        await d.StartWithBaselineAsync();
        foreach (var address in new[] { Deferred, Dropped, Rejected, Fine }) await d.SubscribeEmailAsync(address, "robotics");
        d.Smtp.Script(Deferred, SmtpAnswer.Defer, times: 1);
        d.Smtp.Script(Dropped, SmtpAnswer.Drop, times: 1);
        d.Smtp.Script(Rejected, SmtpAnswer.Reject);

        var paper = d.Shelf.Publish(ShelfSource.HuggingFace, "Robotics under a bad mail server", "About robotics.", "robotics");
        // The healthy recipient is not held up by the others.
        await d.EventuallyAsync(() => Delivered.ToEmail(d, Fine).Count == 1, TimeSpan.FromSeconds(20), "the unaffected recipient's alert");

        // Visible while it lasts: failures counted, one digest waiting for a retry, one subscription paused.
        await d.EventuallyAsync(async () =>
        {
            var h = await d.Process!.HealthAsync();
            var email = h.Component("email");
            return email.GetProperty("failed").GetInt64() >= 3 && h.Component("subscriptions").GetProperty("paused").GetInt32() == 1;
        }, TimeSpan.FromSeconds(20), "the failures in /healthz");
        var during = await d.Process!.HealthAsync();
        Assert.Equal(1, during.Component("subscriptions").GetProperty("pausedReasons").GetProperty("email: rejected permanently").GetInt32());
        Assert.DoesNotContain(Rejected, during.Text, StringComparison.Ordinal); // public: no addresses
        Assert.DoesNotContain("5.1.1", during.Text, StringComparison.Ordinal); // nor SMTP replies

        // Recovered: the deferred and the dropped one arrive (the delivery backoff is 15–30 s for a first failure).
        await d.EventuallyAsync(() => Delivered.ToEmail(d, Deferred).Count == 1 && Delivered.ToEmail(d, Dropped).Count == 1,
            TimeSpan.FromSeconds(60), "the retried alerts");
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var address in new[] { Deferred, Dropped, Fine }) Assert.Equal([paper.Serial], Delivered.ToEmail(d, address));
        Assert.Empty(d.Mail.To(Rejected));
        var after = await d.Process.HealthAsync();
        Assert.Equal("healthy", after.ComponentStatus("email"));
        Assert.Equal(0, after.Component("email").GetProperty("queued_failures").GetInt32());

        // The rejected address is suppressed: the web form answers as for anyone, and sends it nothing.
        using var form = new WebForm(d.WebUri);
        var (status, _) = await form.SubscribeAsync(Rejected, "graph", "daily", "08:00", "UTC");
        Assert.Equal(HttpStatusCode.OK, status);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(d.Mail.To(Rejected));
    }
}
