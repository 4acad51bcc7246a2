using PaperBot.Core.Outbox;
using PaperBot.Core.Subscriptions;
using PaperBot.Testing.Delivery;

namespace PaperBot.Core.Tests.Delivery;

public class DigestDispatchTests
{
    private static readonly Subscriber Ann = Subscriber.Email("ann@example.org");

    [Fact]
    public async Task A_daily_digest_waits_for_the_subscribers_local_time_and_holds_everything_since_the_last_one()
    {
        using var rig = new DeliveryRig(); // starts 2026-03-12 09:00Z
        rig.Subscribe(Ann, "diffusion", DeliveryMode.Daily, "Asia/Kolkata", new TimeOnly(8, 0)); // 02:30Z
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        rig.Db.Time.Advance(TimeSpan.FromHours(10));
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        await rig.RunForAsync(TimeSpan.FromHours(7.5) - TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)); // to 02:29Z
        Assert.Empty(rig.Channel.Attempts);
        await rig.RunForAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        var digest = Assert.Single(rig.Channel.Delivered);
        Assert.Equal(BatchKind.Digest, digest.Kind);
        Assert.Equal(2, digest.Entries.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 2, 30, 0, TimeSpan.Zero), digest.CreatedAt);
    }

    [Fact]
    public async Task A_daily_subscription_made_instant_sends_what_waits_at_the_next_pass_and_one_moved_later_waits_for_its_new_time()
    {
        using var rig = new DeliveryRig(); // starts 2026-03-12 09:00Z
        var daily = rig.Subscribe(Ann, "diffusion", DeliveryMode.Daily, "UTC", new TimeOnly(20, 0));
        var bob = Subscriber.Email("bob@example.org");
        var moved = rig.Subscribe(bob, "diffusion", DeliveryMode.Daily, "UTC", new TimeOnly(12, 0));
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));
        await rig.PassAsync();
        Assert.Empty(rig.Channel.Attempts);

        rig.Subscriptions.Update(daily with { Mode = DeliveryMode.Instant });
        rig.Subscriptions.Update(moved with { DeliveryTime = new TimeOnly(18, 0) });
        await rig.PassAsync();
        var now = Assert.Single(rig.Channel.Delivered);
        Assert.Equal(Ann.TargetKey, now.Subscriber.TargetKey);

        await rig.RunForAsync(TimeSpan.FromHours(8.5), TimeSpan.FromMinutes(30)); // past the old 12:00, to 17:30
        Assert.Single(rig.Channel.Delivered);
        await rig.RunForAsync(TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));
        Assert.Equal([Ann.TargetKey, bob.TargetKey], rig.Channel.Delivered.Select(b => b.Subscriber.TargetKey));
    }

    [Fact]
    public async Task A_capped_digest_shows_the_best_first_counts_the_rest_and_never_repeats_them()
    {
        using var rig = new DeliveryRig(maxItemsPerDigest: 3);
        rig.Subscribe(Ann, "diffusion", DeliveryMode.Daily);
        // Two papers score better than the rest: Hugging Face upvotes lift them.
        var papers = Enumerable.Range(0, 5).Select(k => rig.NewPaper("diffusion") with { Upvotes = k is 2 or 4 ? 99 : null }).ToList();
        rig.Arrive("huggingface", [.. papers]);

        await rig.RunForAsync(TimeSpan.FromDays(2), TimeSpan.FromMinutes(10));

        var digest = Assert.Single(rig.Channel.Delivered);
        Assert.Equal(3, digest.Entries.Count);
        Assert.Equal(2, digest.MoreCount);
        Assert.Equal(new[] { papers[4].Id.Value, papers[2].Id.Value }.Order(StringComparer.Ordinal),
            digest.Entries.Take(2).Select(e => e.Paper.Id.Value).Order(StringComparer.Ordinal));
        Assert.Empty(rig.Db.Outbox.LoadOpen().Open);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public async Task An_empty_period_sends_nothing_unless_empty_digests_are_configured(bool sendEmpty, int expected)
    {
        using var rig = new DeliveryRig(sendEmptyDigests: sendEmpty);
        rig.Subscribe(Ann, "diffusion", DeliveryMode.Daily);

        await rig.RunForAsync(TimeSpan.FromDays(2), TimeSpan.FromMinutes(10));

        Assert.Equal(expected, rig.Channel.Delivered.Count);
        Assert.All(rig.Channel.Delivered, d => Assert.True(d.IsEmpty));
    }

    [Fact]
    public async Task Across_the_berlin_autumn_change_a_digest_at_the_repeated_hour_goes_out_once_a_day()
    {
        using var rig = new DeliveryRig();
        rig.Db.Time.SetUtcNow(new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero));
        rig.Subscribe(Ann, "diffusion", DeliveryMode.Daily, "Europe/Berlin", new TimeOnly(2, 30));

        for (var day = 0; day < 4; day++)
        {
            rig.Arrive("huggingface", rig.NewPaper("diffusion"));
            await rig.RunForAsync(TimeSpan.FromDays(1), TimeSpan.FromMinutes(15));
        }

        Assert.Equal(
            [new(2026, 10, 24, 0, 30, 0, TimeSpan.Zero), new(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), new(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), new(2026, 10, 27, 1, 30, 0, TimeSpan.Zero)],
            rig.Channel.Delivered.Select(d => d.CreatedAt));
        Assert.All(rig.Channel.Delivered, d => Assert.Single(d.Entries));
    }

    [Fact]
    public async Task A_weekly_digest_goes_out_on_its_day_only()
    {
        using var rig = new DeliveryRig(); // Thursday 2026-03-12
        rig.Subscribe(Ann, "diffusion", DeliveryMode.Weekly, "America/New_York", new TimeOnly(9, 0), DayOfWeek.Monday);
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        await rig.RunForAsync(TimeSpan.FromDays(4), TimeSpan.FromMinutes(15));
        Assert.Empty(rig.Channel.Attempts);
        await rig.RunForAsync(TimeSpan.FromDays(7), TimeSpan.FromMinutes(15));

        var digest = Assert.Single(rig.Channel.Delivered);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 13, 0, 0, TimeSpan.Zero), digest.CreatedAt); // 09:00 EDT
    }

    [Fact]
    public async Task Digests_can_be_forced_out_now_as_the_demo_does()
    {
        using var rig = new DeliveryRig();
        rig.Subscribe(Ann, "diffusion", DeliveryMode.Weekly);
        rig.Arrive("huggingface", rig.NewPaper("diffusion"));

        await rig.PassAsync(digestsDueNow: true);

        Assert.Single(rig.Channel.Delivered);
    }
}
