namespace PaperBot.Discord.Rest.Models;

/// <summary>The body of <c>POST /users/@me/channels</c> (Create DM).</summary>
public sealed record DmCreate(string RecipientId);

/// <summary>The parts of a channel object PaperBot reads back (the DM channel's id).</summary>
public sealed record Channel
{
    public string Id { get; init; } = "";
    public int Type { get; init; }
}

/// <summary><c>GET /gateway/bot</c>. Not to be cached for long.</summary>
public sealed record GatewayBot
{
    public string Url { get; init; } = "";
    public int Shards { get; init; }
    public SessionStartLimit SessionStartLimit { get; init; } = new();
}

public sealed record SessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }

    /// <summary>Milliseconds.</summary>
    public long ResetAfter { get; init; }
    public int MaxConcurrency { get; init; }
}
