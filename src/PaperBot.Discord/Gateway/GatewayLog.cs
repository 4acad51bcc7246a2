using Microsoft.Extensions.Logging;

namespace PaperBot.Discord.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Discord gateway: connecting to {Url} to {Action}")]
    public static partial void Connecting(ILogger logger, string url, string action);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Discord gateway: session {SessionId} ready")]
    public static partial void Ready(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Discord gateway: session {SessionId} resumed at sequence {Sequence}")]
    public static partial void Resumed(ILogger logger, string? sessionId, int? sequence);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Discord gateway: {Reason}; reconnecting in {DelayMs} ms to {Action}")]
    public static partial void Reconnecting(ILogger logger, string reason, long delayMs, string action);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK within {IntervalMs} ms, dropping the connection to resume")]
    public static partial void Zombie(ILogger logger, long intervalMs);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Critical,
        Message = "Discord gateway stopped: {Reason}. Slash commands are off until the configuration is fixed and PaperBot restarted; alerts stay queued")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Discord gateway: ignored a payload that is not valid ({Reason})")]
    public static partial void BadPayload(ILogger logger, string reason);
}
