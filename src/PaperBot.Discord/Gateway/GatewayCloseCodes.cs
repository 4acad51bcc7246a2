namespace PaperBot.Discord.Gateway;

/// <summary>What a close code means for the session (docs: Gateway Close Event Codes).</summary>
public static class GatewayCloseCodes
{
    /// <summary>Ours when we drop a connection but keep the session (zombie, op 7): never 1000/1001, which end it.</summary>
    public const int Reconnecting = 4000;

    public const int AuthenticationFailed = 4004;
    public const int InvalidSequence = 4007;
    public const int SessionTimedOut = 4009;

    /// <summary>No reconnect can fix these: a wrong token, sharding, API version or intents. Stop until the
    /// configuration is fixed.</summary>
    public static bool IsFatal(int? code) => code is AuthenticationFailed or (>= 4010 and <= 4014);

    /// <summary>The session is gone: identify anew instead of resuming.</summary>
    public static bool EndsSession(int? code) => code is InvalidSequence or SessionTimedOut;

    public static string Describe(int? code) => code switch
    {
        null => "the connection dropped",
        4000 => "unknown error (4000)",
        4001 => "unknown opcode (4001)",
        4002 => "decode error (4002)",
        4003 => "not authenticated (4003)",
        AuthenticationFailed => "authentication failed (4004): Discord:Token is wrong or was reset",
        4005 => "already authenticated (4005)",
        InvalidSequence => "invalid sequence (4007)",
        4008 => "rate limited (4008)",
        SessionTimedOut => "session timed out (4009)",
        4010 => "invalid shard (4010)",
        4011 => "sharding required (4011)",
        4012 => "invalid API version (4012)",
        4013 => "invalid intents (4013)",
        4014 => "disallowed intents (4014)",
        _ => $"close code {code}",
    };
}
