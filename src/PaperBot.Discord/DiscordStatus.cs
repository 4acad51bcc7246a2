namespace PaperBot.Discord;

/// <summary>How the Discord part is connected: the gateway's state, or the HTTP interactions endpoint.</summary>
public enum DiscordConnection
{
    /// <summary>No token: Discord is off.</summary>
    Disabled,
    Connecting,
    Connected,
    Resuming,

    /// <summary>Interactions arrive at <c>POST /discord/interactions</c>; there is no socket to watch.</summary>
    HttpEndpoint,

    /// <summary>A fatal close code (4004, 4010–4014) or an invalid token: stopped until the configuration is fixed.</summary>
    Stopped,
}

/// <summary>A copy of <see cref="DiscordStatus"/> at one moment, for /healthz and /status.</summary>
public sealed record DiscordStatusSnapshot(
    DiscordConnection Connection,
    string? ConnectionDetail,
    DateTimeOffset? ConnectionChangedAt,
    DateTimeOffset? LastRestSuccessAt,
    DateTimeOffset? LastRestFailureAt,
    string? LastRestFailure,
    IReadOnlyDictionary<string, string> SuspendedTargets,
    TimeSpan? HeartbeatLatency = null);

/// <summary>
/// The Discord part's live state, written by the gateway (connection) and by the REST client and delivery
/// (last outcome, targets that answer 403/404), read by the <c>discord</c> health check and <c>/status</c>.
/// Public facts only: never a token.
/// </summary>
public sealed class DiscordStatus
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _suspended = new(StringComparer.Ordinal);
    private DiscordConnection _connection = DiscordConnection.Disabled;
    private string? _connectionDetail;
    private DateTimeOffset? _connectionChangedAt, _lastSuccess, _lastFailure;
    private string? _lastFailureText;
    private TimeSpan? _heartbeatLatency;

    public void SetConnection(DiscordConnection connection, string? detail, DateTimeOffset at)
    {
        lock (_lock) (_connection, _connectionDetail, _connectionChangedAt) = (connection, detail, at);
    }

    /// <summary>From a heartbeat to its ACK: the gateway connection's round trip.</summary>
    public void HeartbeatAcked(TimeSpan latency)
    {
        lock (_lock) _heartbeatLatency = latency;
    }

    public void RestSucceeded(DateTimeOffset at)
    {
        lock (_lock) _lastSuccess = at;
    }

    public void RestFailed(string reason, DateTimeOffset at)
    {
        lock (_lock) (_lastFailureText, _lastFailure) = (reason, at);
    }

    /// <summary>A channel or user that posts nothing more until <c>paperbot resume</c> (or a restart).</summary>
    public void TargetSuspended(string target, string reason)
    {
        lock (_lock) _suspended[target] = reason;
    }

    public void TargetResumed(string target)
    {
        lock (_lock) _suspended.Remove(target);
    }

    public DiscordStatusSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new DiscordStatusSnapshot(_connection, _connectionDetail, _connectionChangedAt, _lastSuccess, _lastFailure, _lastFailureText,
                new Dictionary<string, string>(_suspended, StringComparer.Ordinal), _heartbeatLatency);
        }
    }
}
