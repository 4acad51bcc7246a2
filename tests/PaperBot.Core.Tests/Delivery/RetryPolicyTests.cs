using PaperBot.Core.Delivery;

namespace PaperBot.Core.Tests.Delivery;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Backoff_doubles_from_thirty_seconds_with_jitter_within_the_upper_half_and_caps_at_an_hour()
    {
        var policy = new RetryPolicy(new Random(7));
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var full = Math.Min(30 * Math.Pow(2, attempt - 1), 3600);
            var delay = (policy.NextAttempt(attempt, null, Now) - Now).TotalSeconds;
            Assert.InRange(delay, full / 2, full);
        }
    }

    [Fact]
    public void A_retry_after_from_the_far_end_is_never_undercut()
    {
        var policy = new RetryPolicy(new Random(7));
        Assert.Equal(Now.AddMinutes(10), policy.NextAttempt(1, TimeSpan.FromMinutes(10), Now));
    }

    [Fact]
    public void The_same_seed_gives_the_same_schedule()
    {
        var a = new RetryPolicy(new Random(3));
        var b = new RetryPolicy(new Random(3));
        Assert.Equal(Enumerable.Range(1, 8).Select(n => a.NextAttempt(n, null, Now)), Enumerable.Range(1, 8).Select(n => b.NextAttempt(n, null, Now)));
    }
}
