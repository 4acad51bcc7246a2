using Microsoft.Extensions.Logging;

namespace PaperBot.Discord.Interactions;

internal static partial class InteractionLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Debug, Message = "Refused an interaction request: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Command {Command} took over the deadline; deferred interaction {InteractionId}")]
    public static partial void Deferred(ILogger logger, string command, string interactionId);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Error, Message = "Command {Command} threw")]
    public static partial void Failed(ILogger logger, string command, Exception exception);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Answering {Command} (interaction {InteractionId}) failed: {Error}")]
    public static partial void FollowUpFailed(ILogger logger, string command, string interactionId, string error);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Warning, Message = "Unsupported interaction of type {Type} ({Command})")]
    public static partial void Unsupported(ILogger logger, int type, string command);
}
