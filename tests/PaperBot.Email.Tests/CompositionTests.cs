using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Email.Tests.Support;
using PaperBot.Email.Transport;
using PaperBot.Testing.Smtp;

namespace PaperBot.Email.Tests;

public class CompositionTests
{
    [Fact]
    public async Task Without_an_smtp_host_digests_are_written_to_the_pickup_folder_once_per_message_id()
    {
        await using var rig = EmailRig.With(dir => new EmailOptions { From = "papers@bot.example.org", PickupDirectory = Path.Combine(dir, "outbox") });

        var first = await rig.Channel.SendAsync(Papers.Batch("b-abc", count: 3), CancellationToken.None);
        var again = await rig.Channel.SendAsync(Papers.Batch("b-abc", count: 3), CancellationToken.None);

        var sent = Assert.IsType<DeliveryResult.Sent>(first);
        Assert.Equal(sent, again);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(rig.Folder, "outbox"), "*.eml"));
        Assert.Equal(file, sent.Receipt);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("b-abc@bot.example.org", message.MessageId);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task An_unwritable_pickup_folder_is_a_transient_failure_not_a_lost_mail()
    {
        await using var rig = EmailRig.With(dir =>
        {
            var blocked = Path.Combine(dir, "not-a-folder");
            File.WriteAllText(blocked, "a file where the folder should be");
            return new EmailOptions { From = "papers@bot.example.org", PickupDirectory = blocked };
        });

        Assert.IsType<DeliveryResult.Transient>(await rig.Channel.SendAsync(Papers.Batch("b-1"), CancellationToken.None));
    }

    [Fact]
    public async Task With_an_smtp_host_the_email_channel_sends_over_smtp()
    {
        await using var server = await SmtpTestServer.StartAsync();
        await using var rig = EmailRig.Smtp(server);

        Assert.IsType<SmtpTransport>(rig.Get<IMailTransport>());
        Assert.True(rig.Channel.Serves(Core.Subscriptions.SubscriberKind.Email));
        Assert.False(rig.Channel.Serves(Core.Subscriptions.SubscriberKind.DiscordChannel));
    }

    [Fact]
    public async Task With_email_from_empty_email_is_off_no_channel_and_confirmations_say_so()
    {
        await using var rig = EmailRig.With(dir => new EmailOptions { From = "", PickupDirectory = dir });

        Assert.Empty(rig.Services.GetServices<IDeliveryChannel>());
        Assert.Null(rig.Services.GetService<IMailTransport>());
        var result = await rig.Confirmations.SendAsync(Papers.Subscription(), CancellationToken.None);
        Assert.Contains("Email:From", Assert.IsType<DeliveryResult.Permanent>(result).Reason, StringComparison.Ordinal);
        var health = await rig.Get<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries["email"].Status);
        Assert.Equal("off", health.Entries["email"].Data["transport"]);
        Assert.Empty(Directory.GetFiles(rig.Folder, "*.eml"));
    }
}
