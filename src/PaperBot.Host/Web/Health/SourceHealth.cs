using PaperBot.Core.Ingestion;
using PaperBot.Core.Storage;
using Quartz;

namespace PaperBot.Host.Web.Health;

/// <summary>One source's public health: no error text (it holds URLs), only its kind.</summary>
public sealed record SourceHealth(string Source, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastErrorAt, string? LastErrorKind,
    int ConsecutiveFailures, DateTimeOffset? FailingSince, bool Stale);

public static class SourceHealthRules
{
    /// <summary>Stale: failing, and the schedule fired at least twice since the last success (or, never having
    /// succeeded, since the first failure). One transient failure is not stale: the next run usually recovers.</summary>
    public static bool IsStale(SourceState state, string cron, string timeZone, DateTimeOffset now)
    {
        if (state.ConsecutiveFailures == 0 || (state.LastSuccessAt ?? state.FailingSince) is not { } since) return false;
        var expression = new CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        var first = expression.GetNextValidTimeAfter(since);
        var second = first is { } f ? expression.GetNextValidTimeAfter(f) : null;
        return second is { } s && s <= now;
    }

    public static SourceHealth Describe(SourceState state, string cron, string timeZone, DateTimeOffset now) =>
        new(state.Source, state.LastSuccessAt, state.LastErrorAt, state.ConsecutiveFailures > 0 ? ErrorKind(state.LastError) : null,
            state.ConsecutiveFailures, state.FailingSince, IsStale(state, cron, timeZone, now));

    /// <summary>A short, address-free class of a source error, for the public health page (the owner notice uses the same).</summary>
    public static string ErrorKind(string? error) => SourceErrors.Kind(error);
}
