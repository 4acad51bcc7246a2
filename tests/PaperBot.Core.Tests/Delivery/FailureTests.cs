using PaperBot.Core.Delivery;
using PaperBot.Core.Outbox;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing.Delivery;

namespace PaperBot.Core.Tests.Delivery;

public class FailureTests
{
    private static readonly Subscriber Broken = Subscriber.DiscordChannel("111", "222");
    private static readonly Subscriber Healthy = Subscriber.Email("ann@example.org");

    [Fact]
    public async Task A_channel_failing_transiently_for_an_hour_delivers_once_after_it_recovers()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Broken, "diffusion");
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        var recovery = rig.Now.AddHours(1);
        rig.Channel.Behaviour = _ => rig.Now < recovery ? new DeliveryResult.Transient("HTTP 503") : new DeliveryResult.Sent();

        await rig.RunForAsync(TimeSpan.FromHours(3));

        Assert.Single(rig.Channel.Delivered);
        Assert.InRange(rig.Channel.Attempts.Count, 6, 12); // backoff, not a retry every pass
        Assert.Empty(rig.Db.Outbox.LoadOpen().Open);
        // Every retry was the same batch: the same idempotency key throughout.
        Assert.Single(rig.Channel.Attempts.Select(a => a.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task A_retry_after_from_the_far_end_is_honoured()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Broken, "diffusion");
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        rig.Channel.Behaviour = _ => rig.Channel.Attempts.Count == 1
            ? new DeliveryResult.Transient("429", TimeSpan.FromMinutes(20))
            : new DeliveryResult.Sent();

        await rig.RunForAsync(TimeSpan.FromMinutes(19));
        Assert.Single(rig.Channel.Attempts);
        await rig.RunForAsync(TimeSpan.FromMinutes(2));
        Assert.Single(rig.Channel.Delivered);
    }

    [Fact]
    public async Task One_targets_outage_never_delays_another()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Broken, "diffusion");
        rig.Subscribe(Healthy, "diffusion");
        rig.Channel.Behaviour = b => b.Subscriber == Broken ? new DeliveryResult.Transient("timeout") : new DeliveryResult.Sent();

        for (var i = 0; i < 5; i++)
        {
            rig.Arrive("huggingface", rig.NewPaper("diffusion"));
            await rig.RunForAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(5, rig.Channel.Delivered.Count(b => b.Subscriber == Healthy));
        Assert.DoesNotContain(rig.Channel.Delivered, b => b.Subscriber == Broken);
        // The broken target's papers wait in order behind its first batch; none were dropped.
        Assert.Equal(5, rig.Db.Outbox.LoadOpen().Open.Count(i => i.Target == Broken.TargetKey));
    }

    [Fact]
    public async Task A_permanent_failure_fails_the_items_pauses_the_targets_subscriptions_and_says_why()
    {
        using var rig = new DeliveryRig();
        var a = rig.Subscribe(Broken, "diffusion");
        var b = rig.Subscribe(Broken, "video");
        var other = rig.Subscribe(Healthy, "diffusion");
        rig.Channel.Behaviour = x => x.Subscriber == Broken ? new DeliveryResult.Permanent("Unknown Channel (10003)") : new DeliveryResult.Sent();
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        var report = await rig.PassAsync();

        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), report.Paused.Order(StringComparer.Ordinal));
        Assert.Contains("Unknown Channel (10003)", rig.Db.Subscriptions.Find(a.Id)!.PausedReason, StringComparison.Ordinal);
        Assert.NotNull(rig.Db.Subscriptions.Find(b.Id)!.PausedReason);
        Assert.Null(rig.Db.Subscriptions.Find(other.Id)!.PausedReason);
        var failed = Assert.Single(rig.Db.Outbox.SinceLastDelivery(Broken.TargetKey, 10).Items);
        Assert.Equal((OutboxStatus.Failed, "Unknown Channel (10003)"), (failed.Status, failed.LastError));

        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        await rig.RunForAsync(TimeSpan.FromHours(1));
        Assert.DoesNotContain(rig.Channel.Attempts.Skip(2), x => x.Subscriber == Broken);
    }

    [Fact]
    public async Task A_far_end_that_explains_a_refusal_at_length_still_pauses_the_target_with_the_reason_cut()
    {
        // Found by the end-to-end fuzzing: the reason is indexed, and LiteDB refuses index keys of 1,023 bytes or more.
        using var rig = new DeliveryRig();
        var a = rig.Subscribe(Broken, "diffusion");
        rig.Channel.Behaviour = x => new DeliveryResult.Permanent("550 " + new string('ü', 5_000));
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        var report = await rig.PassAsync();

        Assert.Equal([a.Id], report.Paused);
        var reason = rig.Db.Subscriptions.Find(a.Id)!.PausedReason!;
        Assert.Contains("550 üüü", reason, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reason) < 1_000, $"{reason.Length} characters");
    }

    [Fact]
    public async Task Resuming_a_paused_target_delivers_its_failed_and_waiting_alerts_once()
    {
        using var rig = new DeliveryRig();
        var a = rig.Subscribe(Broken, "diffusion");
        var b = rig.Subscribe(Broken, "video");
        var broken = true;
        rig.Channel.Behaviour = x => broken && x.Subscriber == Broken ? new DeliveryResult.Permanent("Unknown Channel (10003)") : new DeliveryResult.Sent();
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        await rig.PassAsync();
        rig.Arrive("huggingface", rig.NewPaper("video"));
        await rig.RunForAsync(TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(rig.Channel.Delivered, x => x.Subscriber == Broken);

        broken = false;
        var result = new PausedTargets(rig.Db.Subscriptions, rig.Outbox, rig.Db.Suppressions, [], rig.Db.Time).Resume(b.Id)!;
        await rig.RunForAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), result.Resumed.Order(StringComparer.Ordinal));
        Assert.Equal(1, result.Requeued);
        Assert.Null(rig.Db.Subscriptions.Find(a.Id)!.PausedReason);
        var delivered = rig.Channel.DeliveredPapers().Where(d => d.Target == Broken.TargetKey).ToList();
        Assert.Equal(2, delivered.Count);
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Null(new PausedTargets(rig.Db.Subscriptions, rig.Outbox, rig.Db.Suppressions, [], rig.Db.Time).Resume("s-missing"));
        Assert.False(result.Unsuppressed);
    }

    [Fact]
    public async Task Resuming_an_email_address_that_rejected_mail_takes_it_off_the_suppression_list()
    {
        using var rig = new DeliveryRig();
        var bounced = Subscriber.Email("Reader@Example.org");
        var s = rig.Subscribe(bounced, "diffusion");
        rig.Channel.Behaviour = x => x.Subscriber == bounced ? new DeliveryResult.Permanent("550 5.1.1 no such mailbox") : new DeliveryResult.Sent();
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        await rig.PassAsync();
        rig.Db.Suppressions.Add(new Suppression("reader@example.org", "550 5.1.1 no such mailbox", rig.Db.Time.GetUtcNow()));

        var result = new PausedTargets(rig.Db.Subscriptions, rig.Outbox, rig.Db.Suppressions, [], rig.Db.Time).Resume(s.Id)!;

        Assert.True(result.Unsuppressed);
        Assert.Null(rig.Db.Suppressions.Find("reader@example.org"));
        Assert.Equal([s.Id], result.Resumed);
    }
}
