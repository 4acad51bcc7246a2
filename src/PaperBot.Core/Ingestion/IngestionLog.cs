using Microsoft.Extensions.Logging;

namespace PaperBot.Core.Ingestion;

/// <summary>Ingestion log events with stable keys (Source, New, Updated, DurationMs).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Ingested {Source}: {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Alerts} alerts in {DurationMs} ms")]
    public static partial void Ingested(ILogger logger, string source, int @new, int updated, int unchanged, int rejected, int alerts, long durationMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "First poll of {Source}: {New} papers stored as the baseline, nobody alerted")]
    public static partial void BaselineRecorded(ILogger logger, string source, int @new);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "{Source} not modified since the last poll ({DurationMs} ms)")]
    public static partial void NotModified(ILogger logger, string source, long durationMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "{Source} made no announcement (weekend or holiday)")]
    public static partial void NoAnnouncement(ILogger logger, string source);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{Source} rejected an entry: {Reason}")]
    public static partial void Rejected(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error,
        Message = "Ingesting {Source} failed ({ConsecutiveFailures} in a row, {DurationMs} ms): {Error}")]
    public static partial void Failed(ILogger logger, string source, int consecutiveFailures, long durationMs, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Ingesting {Source} threw unexpectedly")]
    public static partial void Crashed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "{Source} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string source, string reason);
}
