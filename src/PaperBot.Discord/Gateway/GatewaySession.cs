namespace PaperBot.Discord.Gateway;

/// <summary>What resuming needs, kept across connections: READY's session id and resume URL, and the last sequence.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; private set; }
    public Uri? ResumeUrl { get; private set; }
    private int _sequence = -1;

    /// <summary>The last dispatch's <c>s</c>: written by the receive loop, read by the heartbeat loop.</summary>
    public int? Sequence
    {
        get => Volatile.Read(ref _sequence) is var s and >= 0 ? s : null;
        set => Volatile.Write(ref _sequence, value ?? -1);
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
