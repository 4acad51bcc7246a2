using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Subscriptions;
using PaperBot.Discord.Delivery;
using PaperBot.Discord.Tests.Support;
using PaperBot.Testing.Discord;

namespace PaperBot.Discord.Tests.Delivery;

public class DiscordDeliveryChannelTests
{
    private const string Channel = "200000000000000001";
    private const string User = "300000000000000001";

    private static DeliveryBatch Batch(Subscriber to, int papers, string id = "b-1", BatchKind kind = BatchKind.Digest) => new(
        id, kind, new Subscription { Id = "s-1", Subscriber = to, Query = "diffusion", Confirmed = true },
        [.. Enumerable.Range(0, papers).Select(i => new DigestEntry(
            new Paper { Id = PaperId.Parse($"2603.{i:D5}"), Title = $"Diffusion paper {i}", Abstract = "About diffusion." }, [new MatchHit("title", "diffusion")], 1))],
        0, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_digest_goes_out_ten_embeds_a_message_each_with_its_own_enforced_nonce()
    {
        await using var rig = await DiscordRig.StartAsync();

        var result = await rig.Channel.SendAsync(Batch(Subscriber.DiscordChannel(Channel, "1"), 25), CancellationToken.None);

        Assert.IsType<DeliveryResult.Sent>(result);
        var messages = rig.Fake.MessagesIn(Channel);
        Assert.Equal([10, 10, 5], messages.Select(m => m.Embeds.Count));
        Assert.Equal(3, messages.Select(m => m.Nonce).Distinct().Count());
        Assert.All(messages, m =>
        {
            Assert.True(m.Body["enforce_nonce"]!.GetValue<bool>());
            Assert.Equal("""{"parse":[]}""", m.Body["allowed_mentions"]!.ToJsonString());
        });
        Assert.Equal(3, rig.Measured("messages_delivered"));
    }

    [Fact]
    public async Task A_batch_sent_again_after_a_crash_or_a_failed_later_part_is_not_posted_twice()
    {
        await using var rig = await DiscordRig.StartAsync();
        var batch = Batch(Subscriber.DiscordChannel(Channel, "1"), 15);
        // The first part goes through, then the second fails: transient, and the outbox sends the whole batch again.
        rig.Fake.Inject("^POST /channels/", FakeDiscordFault.ServerError(), after: 1);

        var first = await rig.Channel.SendAsync(batch, CancellationToken.None);
        var second = await rig.Channel.SendAsync(batch, CancellationToken.None);
        var third = await rig.Channel.SendAsync(batch, CancellationToken.None);

        Assert.IsType<DeliveryResult.Transient>(first);
        Assert.IsType<DeliveryResult.Sent>(second);
        Assert.IsType<DeliveryResult.Sent>(third);
        Assert.Equal([10, 5], rig.Fake.MessagesIn(Channel).Select(m => m.Embeds.Count));
    }

    [Fact]
    public async Task Direct_messages_open_the_dm_channel_once_and_reuse_it()
    {
        await using var rig = await DiscordRig.StartAsync();

        await rig.Channel.SendAsync(Batch(Subscriber.DiscordUser(User), 1, "b-1", BatchKind.Alert), CancellationToken.None);
        await rig.Channel.SendAsync(Batch(Subscriber.DiscordUser(User), 2, "b-2", BatchKind.Alert), CancellationToken.None);

        Assert.Single(rig.Fake.Requests, r => r.Path == "/users/@me/channels");
        Assert.Equal(2, rig.Fake.MessagesIn(rig.Fake.DmChannelOf(User)!).Count);
    }

    [Fact]
    public async Task Closed_dms_an_unknown_channel_and_missing_access_are_permanent_and_post_nothing_more_there()
    {
        await using var rig = await DiscordRig.StartAsync();
        rig.Fake.CloseDms(User);
        rig.Fake.BreakChannel(Channel, FakeDiscordFault.UnknownChannel());
        rig.Fake.BreakChannel("200000000000000002", FakeDiscordFault.MissingPermissions());

        var dm = await rig.Channel.SendAsync(Batch(Subscriber.DiscordUser(User), 1), CancellationToken.None);
        var unknown = await rig.Channel.SendAsync(Batch(Subscriber.DiscordChannel(Channel, "1"), 1), CancellationToken.None);
        var noAccess = await rig.Channel.SendAsync(Batch(Subscriber.DiscordChannel("200000000000000002", "1"), 1), CancellationToken.None);
        var requests = rig.Fake.Requests.Count;
        var again = await rig.Channel.SendAsync(Batch(Subscriber.DiscordChannel(Channel, "1"), 1, "b-2"), CancellationToken.None);

        Assert.Contains("50007", Assert.IsType<DeliveryResult.Permanent>(dm).Reason, StringComparison.Ordinal);
        Assert.Contains("unknown channel", Assert.IsType<DeliveryResult.Permanent>(unknown).Reason, StringComparison.Ordinal);
        Assert.Contains("Send Messages", Assert.IsType<DeliveryResult.Permanent>(noAccess).Reason, StringComparison.Ordinal);
        Assert.IsType<DeliveryResult.Permanent>(again);
        Assert.Equal(requests, rig.Fake.Requests.Count);
        Assert.Empty(rig.Fake.Messages);
        Assert.Equal(3, rig.Status.Snapshot().SuspendedTargets.Count);
    }

    [Fact]
    public async Task Resuming_a_refusing_channel_lets_its_alerts_out_at_once_instead_of_after_the_suspension()
    {
        await using var rig = await DiscordRig.StartAsync();
        var target = Subscriber.DiscordChannel(Channel, "1");
        rig.Fake.BreakChannel(Channel, FakeDiscordFault.UnknownChannel());
        Assert.IsType<DeliveryResult.Permanent>(await rig.Channel.SendAsync(Batch(target, 1), CancellationToken.None));
        rig.Fake.RepairChannel(Channel);
        Assert.IsType<DeliveryResult.Permanent>(await rig.Channel.SendAsync(Batch(target, 1, "b-2"), CancellationToken.None));

        rig.Get<IEnumerable<ITargetResumeListener>>().Single().Resumed(target);
        var resumed = await rig.Channel.SendAsync(Batch(target, 1, "b-3"), CancellationToken.None);

        Assert.IsType<DeliveryResult.Sent>(resumed);
        Assert.Single(rig.Fake.Messages);
        Assert.Empty(rig.Status.Snapshot().SuspendedTargets);
    }

    [Fact]
    public async Task A_rejected_token_or_a_server_error_keeps_the_items_for_later()
    {
        await using var rig = await DiscordRig.StartAsync(token: "wrong-token");

        var result = await rig.Channel.SendAsync(Batch(Subscriber.DiscordChannel(Channel, "1"), 1), CancellationToken.None);

        Assert.Contains("Discord:Token", Assert.IsType<DeliveryResult.Transient>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(rig.Status.Snapshot().SuspendedTargets);
    }

    [Fact]
    public async Task A_target_that_is_not_a_discord_id_is_refused_without_a_request()
    {
        await using var rig = await DiscordRig.StartAsync();

        var result = await rig.Channel.SendAsync(Batch(Subscriber.DiscordChannel("../../users/@me", "1"), 1), CancellationToken.None);

        Assert.IsType<DeliveryResult.Permanent>(result);
        Assert.Empty(rig.Fake.Requests);
    }
}
