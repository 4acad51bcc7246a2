using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Incidents;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Tests.Support;

namespace PaperBot.Email.Tests;

/// <summary>Email owners hear of open incidents in their next message, once, encoded like every other value.</summary>
public class IncidentNoticeTests
{
    private const string Address = "ann@example.org";

    private static EmailRig Rig() =>
        EmailRig.With(dir => new EmailOptions { From = "PaperBot <papers@bot.example.org>", PickupDirectory = Path.Combine(dir, "outbox") });

    private static async Task<MimeMessage> Sent(DeliveryResult result) =>
        await MimeMessage.LoadAsync(Assert.IsType<DeliveryResult.Sent>(result).Receipt!);

    [Fact]
    public async Task The_next_digest_carries_a_line_for_each_open_incident_of_its_reader_once_and_encoded()
    {
        await using var rig = Rig();
        rig.Incidents.Add(Incident.SourceFailing("<b>Nature</b> & co", Papers.Now.AddHours(-7), "GET https://x.example/feed?token=s3cret answered 503"));
        rig.Incidents.Add(Incident.TargetPaused(Subscriber.Email(Address).TargetKey, "delivery failed permanently at 2026-03-12 07:00Z: 552 <script>too big</script>", Papers.Now));
        rig.Incidents.Add(Incident.TargetPaused(Subscriber.Email("bob@example.org").TargetKey, "delivery failed permanently: bob's problem", Papers.Now));

        var first = await Sent(await rig.Channel.SendAsync(Papers.Batch("b-1", subscription: Papers.Subscription(Address)), CancellationToken.None));
        var second = await Sent(await rig.Channel.SendAsync(Papers.Batch("b-2", subscription: Papers.Subscription(Address)), CancellationToken.None));

        var text = first.TextBody!;
        Assert.StartsWith("Notice: The source <b>Nature</b> & co has been failing since 2026-03-12 01:00 UTC (it answers HTTP 503). "
            + "Papers from the other sources keep coming, and alerts from <b>Nature</b> & co resume when it recovers.\n\n"
            + "Notice: Alerts for your other subscriptions at this address are paused (delivery failed permanently at 2026-03-12 07:00Z: 552 <script>too big</script>). "
            + "Nothing is lost: they wait, and go out once the problem is fixed and the subscriptions are resumed.\n\n2 new papers", text.ReplaceLineEndings("\n"));
        var html = first.HtmlBody!;
        Assert.Contains("<b>Notice:</b> The source &lt;b&gt;Nature&lt;/b&gt; &amp; co has been failing", html, StringComparison.Ordinal);
        Assert.Contains("552 &lt;script&gt;too big&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", text + html, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text + html, StringComparison.Ordinal);
        Assert.DoesNotContain("Notice:", second.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("Notice:", second.HtmlBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_was_not_accepted_leaves_its_notice_for_the_next_one()
    {
        await using var rig = EmailRig.With(dir =>
        {
            var blocked = Path.Combine(dir, "not-a-folder");
            File.WriteAllText(blocked, "a file where the folder should be");
            return new EmailOptions { From = "papers@bot.example.org", PickupDirectory = blocked };
        });
        var incident = Incident.SourceFailing("arxiv", Papers.Now.AddHours(-7), "timed out");
        rig.Incidents.Add(incident);

        var result = await rig.Channel.SendAsync(Papers.Batch("b-1", subscription: Papers.Subscription(Address)), CancellationToken.None);

        Assert.IsType<DeliveryResult.Transient>(result);
        Assert.Null(rig.Incidents.FindNotice(incident.Id, Subscriber.Email(Address).TargetKey));
    }
}
