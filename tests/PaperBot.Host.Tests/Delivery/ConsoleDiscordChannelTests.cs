using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Host.Delivery;

namespace PaperBot.Host.Tests.Delivery;

public class ConsoleDiscordChannelTests
{
    [Fact]
    public async Task The_console_channel_prints_each_message_with_its_nonce_and_no_live_mentions()
    {
        using var output = new StringWriter();
        var channel = new ConsoleDiscordChannel(new DiscordPreview { Output = output });
        var sub = new Subscription { Id = "s-1", Subscriber = Subscriber.DiscordUser("42"), Query = "q", Confirmed = true };
        var entries = Enumerable.Range(0, 12)
            .Select(i => new DigestEntry(new Paper { Id = PaperId.Parse($"2603.{i:D5}"), Title = $"@everyone paper {i}" }, [new MatchHit("title", "paper")], 1))
            .ToList();
        var batch = new DeliveryBatch("b-1", BatchKind.Alert, sub, entries, 0, DateTimeOffset.UnixEpoch);

        var result = await channel.SendAsync(batch, CancellationToken.None);

        Assert.Equal("2 message(s) to DM 42", Assert.IsType<DeliveryResult.Sent>(result).Receipt);
        var text = output.ToString();
        Assert.Contains($"nonce {batch.Nonce(0)}", text, StringComparison.Ordinal);
        Assert.Contains($"nonce {batch.Nonce(1)}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.False(channel.Serves(SubscriberKind.Email));
    }
}
