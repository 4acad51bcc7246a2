using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Tests.Support;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests;

public class ConfirmationMailTests
{
    [Fact]
    public async Task The_confirmation_mail_is_short_text_and_html_with_the_confirm_link_sent_over_the_same_smtp_pool()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server);
        var subscription = Papers.Subscription(query: "\"image editing\" <script>") with { Id = "s-new", Confirmed = false, DeliveryTime = new TimeOnly(7, 30), TimeZone = "Europe/Berlin" };

        var result = await rig.Confirmations.SendAsync(subscription, CancellationToken.None);
        await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Sent>(result);
        var message = server.Messages[0].Parse();
        Assert.Equal("Confirm your PaperBot subscription to \"\"image editing\" <script>\"", message.Subject);
        Assert.EndsWith("@bot.example.org", message.MessageId, StringComparison.Ordinal);
        Assert.Contains($"{TestLinks.Base}confirm/token-s-new", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{TestLinks.Base}confirm/token-s-new\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("a daily digest at 07:30 (Europe/Berlin)", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&quot;image editing&quot; &lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(1, server.Sessions);
    }

    [Fact]
    public async Task A_suppressed_address_gets_no_confirmation_mail()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server);
        rig.Suppressions.Add(new Suppression("ann@example.org", "550 no such mailbox", Papers.Now));

        var result = await rig.Confirmations.SendAsync(Papers.Subscription("ANN@example.org") with { Confirmed = false }, CancellationToken.None);

        Assert.Contains("550 no such mailbox", Assert.IsType<DeliveryResult.Permanent>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task A_confirmation_the_server_rejects_suppresses_the_address()
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.Script("typo@example.org", SmtpAnswer.Reject);
        await using var rig = EmailRig.Smtp(server);

        var result = await rig.Confirmations.SendAsync(Papers.Subscription("typo@example.org") with { Confirmed = false }, CancellationToken.None);

        Assert.IsType<DeliveryResult.Permanent>(result);
        Assert.NotNull(rig.Suppressions.Find("typo@example.org"));
    }

    [Fact]
    public async Task Discord_subscriptions_and_malformed_addresses_are_refused_without_sending()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server);

        var discord = await rig.Confirmations.SendAsync(Papers.Subscription() with { Subscriber = Subscriber.DiscordUser("123") }, CancellationToken.None);
        var malformed = await rig.Confirmations.SendAsync(Papers.Subscription("not an address"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Permanent>(discord);
        Assert.Contains("not a valid email address", Assert.IsType<DeliveryResult.Permanent>(malformed).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }
}
