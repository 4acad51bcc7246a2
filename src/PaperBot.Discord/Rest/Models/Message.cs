namespace PaperBot.Discord.Rest.Models;

/// <summary>The body of <c>POST /channels/{channel.id}/messages</c> (docs: Create Message). Null fields are omitted.</summary>
public sealed record MessageCreate
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }

    /// <summary>Always set: text from papers and users must never ping anyone.</summary>
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>At most 25 characters; with <see cref="EnforceNonce"/> a repeat within a few minutes returns the first message.</summary>
    public string? Nonce { get; init; }
    public bool? EnforceNonce { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public int? Flags { get; init; }
}

/// <summary>The parts of a message object PaperBot reads back.</summary>
public sealed record Message
{
    public string Id { get; init; } = "";
    public string ChannelId { get; init; } = "";
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public int? Flags { get; init; }
}

/// <summary><c>{"parse": []}</c> pings nobody, whatever the text says (<c>@everyone</c>, <c>&lt;@id&gt;</c>).</summary>
public sealed record AllowedMentions
{
    public static readonly AllowedMentions None = new();

    public IReadOnlyList<string> Parse { get; init; } = [];
}

/// <summary>Message flags PaperBot uses.</summary>
public static class MessageFlags
{
    /// <summary>Only the user who ran the command sees the reply.</summary>
    public const int Ephemeral = 1 << 6;

    /// <summary>No link previews under the message.</summary>
    public const int SuppressEmbeds = 1 << 2;
}
