using MimeKit;
using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Email.Delivery;
using PaperBot.Email.Messages;
using PaperBot.Email.Pickup;
using PaperBot.Testing;

namespace PaperBot.Email.Tests;

public class PickupEmailChannelTests
{
    private static readonly Subscription Sub = new()
    {
        Id = "s-1", Subscriber = Subscriber.Email("ann@example.org"), Query = "diffusion", Confirmed = true, Mode = DeliveryMode.Daily,
    };

    private static DeliveryBatch Batch(string id, int more = 0) => new(id, BatchKind.Digest, Sub,
        [new DigestEntry(new Paper { Id = PaperId.Parse("2603.00001"), Title = "Diffusion", Abstract = "Text." }, [new MatchHit("title", "diffusion")], 1)],
        more, DateTimeOffset.UnixEpoch);

    private static PickupEmailChannel Channel(string dir) => new(new DigestMessageBuilder(new EmailOptions()), new PickupDirectoryWriter(dir));

    [Fact]
    public async Task A_batch_becomes_one_eml_whose_message_id_is_the_batch_so_a_resend_replaces_it()
    {
        using var dir = new TempDirectory();
        var channel = Channel(dir.Path);

        var first = await channel.SendAsync(Batch("b-abc", more: 4), CancellationToken.None);
        var again = await channel.SendAsync(Batch("b-abc", more: 4), CancellationToken.None);

        var sent = Assert.IsType<DeliveryResult.Sent>(first);
        Assert.Equal(sent, again);
        var file = Assert.Single(Directory.GetFiles(dir.Path, "*.eml"));
        Assert.Equal(file, sent.Receipt);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("b-abc@paperbot", message.MessageId);
        Assert.Contains("…and 4 more", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("paperbot match \"diffusion\"", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_pickup_folder_is_a_transient_failure_not_a_lost_mail()
    {
        using var dir = new TempDirectory();
        var blocked = dir.Write("not-a-folder", "a file where the folder should be");

        var result = await Channel(blocked).SendAsync(Batch("b-1"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Transient>(result);
    }

    [Fact]
    public void The_channel_serves_email_subscribers_only()
    {
        using var dir = new TempDirectory();
        var channel = Channel(dir.Path);
        Assert.True(channel.Serves(SubscriberKind.Email));
        Assert.False(channel.Serves(SubscriberKind.DiscordChannel));
    }
}
