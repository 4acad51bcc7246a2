using PaperBot.Core.Outbox;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing.Delivery;

namespace PaperBot.Core.Tests.Delivery;

public class CrashRecoveryTests
{
    private static readonly Subscriber Channel = Subscriber.DiscordChannel("111", "222");
    private static readonly Subscriber Ann = Subscriber.Email("ann@example.org");

    /// <summary>Three targets with one alert each, so a crash can fall before, between or after their batches.</summary>
    private static DeliveryRig ThreeTargets()
    {
        var rig = new DeliveryRig();
        rig.Subscribe(Channel, "diffusion");
        rig.Subscribe(Ann, "diffusion");
        rig.Subscribe(Subscriber.DiscordUser("333"), "diffusion");
        rig.Arrive("huggingface", rig.NewPaper("diffusion"), rig.NewPaper("diffusion"));
        return rig;
    }

    private static async Task CrashThenRestartAsync(DeliveryRig rig)
    {
        await Assert.ThrowsAsync<SimulatedCrash>(() => rig.PassAsync());
        rig.Restart();
        await rig.RunForAsync(TimeSpan.FromMinutes(10));
    }

    private static void EveryTargetGotBothPapersOnce(DeliveryRig rig)
    {
        var delivered = rig.Channel.DeliveredPapers().ToList();
        Assert.Equal(6, delivered.Count);
        Assert.Equal(6, delivered.Distinct().Count());
        Assert.All(rig.Db.Outbox.LoadOpen().Open, i => Assert.Fail($"{i.Id} is still {i.Status}"));
    }

    [Theory]
    [InlineData(nameof(IOutbox.ReleaseInFlight), 1)]
    [InlineData(nameof(IOutbox.LoadOpen), 1)]
    [InlineData(nameof(IOutbox.MarkSending), 1)]
    [InlineData(nameof(IOutbox.MarkSending), 2)]
    [InlineData(nameof(IOutbox.MarkSending), 3)]
    [InlineData(nameof(IOutbox.MarkSent), 1)]
    [InlineData(nameof(IOutbox.MarkSent), 2)]
    [InlineData(nameof(IOutbox.MarkSent), 3)]
    public async Task A_crash_at_any_step_of_a_pass_followed_by_a_restart_delivers_everything_exactly_once(string step, int nth)
    {
        using var rig = ThreeTargets();
        rig.Outbox.CrashAt(step, nth);

        await CrashThenRestartAsync(rig);

        EveryTargetGotBothPapersOnce(rig);
    }

    [Fact]
    public async Task A_crash_after_the_send_and_before_the_mark_re_sends_the_same_batch_with_the_same_key()
    {
        using var rig = ThreeTargets();
        rig.Outbox.CrashAt(nameof(IOutbox.MarkSent), 2);

        await CrashThenRestartAsync(rig);

        Assert.Equal(4, rig.Channel.Accepted.Count); // the second target's batch reached the far end twice…
        var repeated = rig.Channel.Accepted.GroupBy(b => b.IdempotencyKey).Single(g => g.Count() == 2).ToList();
        Assert.Equal(repeated[0].Entries.Select(e => e.Paper.Id), repeated[1].Entries.Select(e => e.Paper.Id));
        Assert.Equal(repeated[0].Nonce(0), repeated[1].Nonce(0)); // …with one nonce, so the far end kept one.
        EveryTargetGotBothPapersOnce(rig);
    }

    [Fact]
    public async Task A_crash_before_the_claim_sends_nothing_twice_even_to_a_far_end_without_idempotency()
    {
        using var rig = ThreeTargets();
        rig.Outbox.CrashAt(nameof(IOutbox.MarkSending), 2);

        await CrashThenRestartAsync(rig);

        Assert.Equal(3, rig.Channel.Accepted.Count);
        EveryTargetGotBothPapersOnce(rig);
    }

    [Fact]
    public async Task Items_claimed_by_a_pass_that_died_inside_this_process_are_retried_once_their_lease_expires()
    {
        using var rig = ThreeTargets();
        rig.Outbox.CrashAt(nameof(IOutbox.MarkSent), 1);
        await Assert.ThrowsAsync<SimulatedCrash>(() => rig.PassAsync());

        // Same dispatcher, no restart: the claim blocks its target until the lease runs out.
        await rig.RunForAsync(TimeSpan.FromMinutes(2));
        Assert.Contains(rig.Db.Outbox.LoadOpen().Open, i => i.Status == OutboxStatus.Sending);
        await rig.RunForAsync(DispatchServiceLease());

        EveryTargetGotBothPapersOnce(rig);
    }

    [Fact]
    public async Task A_channel_that_throws_is_treated_as_transient_and_loses_nothing()
    {
        using var rig = ThreeTargets();
        var throwOnce = true;
        rig.Channel.Behaviour = b =>
        {
            if (!throwOnce || b.Subscriber.Kind != SubscriberKind.Email) return new Core.Delivery.DeliveryResult.Sent();
            throwOnce = false;
            throw new InvalidOperationException("a bug in the channel");
        };

        await rig.RunForAsync(TimeSpan.FromMinutes(10));

        EveryTargetGotBothPapersOnce(rig);
    }

    private static TimeSpan DispatchServiceLease() => Core.Delivery.DispatchService.Lease;
}
