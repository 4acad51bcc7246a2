using PaperBot.Core.Storage;
using PaperBot.Host.Cli.Verbs;
using PaperBot.Host.Web.Health;

namespace PaperBot.Host.Tests.Web.Health;

public class SourceHealthRulesTests
{
    private const string Hourly = "0 0 * * * ?";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void One_failed_run_after_a_success_is_not_stale()
    {
        var state = new SourceState { Source = "hf", LastSuccessAt = Now.AddHours(-1), FailingSince = Now.AddMinutes(-30), ConsecutiveFailures = 1 };
        Assert.False(SourceHealthRules.IsStale(state, Hourly, "UTC", Now));
    }

    [Fact]
    public void A_source_without_success_over_two_schedule_periods_is_stale()
    {
        var state = new SourceState { Source = "hf", LastSuccessAt = Now.AddHours(-2).AddMinutes(-1), ConsecutiveFailures = 2 };
        Assert.True(SourceHealthRules.IsStale(state, Hourly, "UTC", Now));
    }

    [Fact]
    public void A_source_that_never_succeeded_is_stale_two_periods_after_its_first_failure()
    {
        var state = new SourceState { Source = "hf", FailingSince = Now.AddHours(-3), ConsecutiveFailures = 3 };
        Assert.True(SourceHealthRules.IsStale(state, Hourly, "UTC", Now));
        Assert.False(SourceHealthRules.IsStale(state with { FailingSince = Now.AddMinutes(-40) }, Hourly, "UTC", Now));
    }

    [Fact]
    public void A_weekday_schedule_is_not_stale_over_a_weekend()
    {
        // Succeeded Friday 01:30; Monday 12:30 only one weekday slot (Monday 01:30) has passed.
        var weekdays = "0 30 1 ? * MON-FRI";
        var state = new SourceState { Source = "arxiv", LastSuccessAt = new(2026, 2, 27, 1, 31, 0, TimeSpan.Zero), ConsecutiveFailures = 1 };
        Assert.False(SourceHealthRules.IsStale(state, weekdays, "UTC", Now));
    }

    [Theory]
    [InlineData("GET https://example.org/feed.xml answered 503 Service Unavailable", "http-503")]
    [InlineData("GET https://example.org/feed.xml timed out.", "timeout")]
    [InlineData("GET https://example.org/feed.xml failed: Connection refused (example.org:443)", "unreachable")]
    [InlineData("arXiv is throttling requests: \"Rate exceeded.\"", "throttled")]
    [InlineData("GET https://example.org/x returned more than 20,971,520 bytes (Sources:Http:MaxResponseBytes).", "too-large")]
    [InlineData("InvalidOperationException: boom", "internal-error")]
    [InlineData("https://example.org/feed.xml: The document is not an Atom feed.", "invalid-response")]
    public void An_error_becomes_a_kind_without_its_address(string error, string kind) =>
        Assert.Equal(kind, SourceHealthRules.ErrorKind(error));

    [Theory]
    [InlineData("""{"status":"healthy"}""", true)]
    [InlineData("""{"status":"degraded"}""", true)]
    [InlineData("""{"status":"starting"}""", true)]
    [InlineData("""{"status":"unhealthy"}""", false)]
    [InlineData("""{"state":"healthy"}""", false)]
    [InlineData("""["healthy"]""", false)]
    [InlineData("OK", false)]
    public void The_healthcheck_verb_passes_only_on_a_status_that_keeps_the_container(string body, bool passes) =>
        Assert.Equal(passes, HealthcheckVerb.Passes(body));
}
