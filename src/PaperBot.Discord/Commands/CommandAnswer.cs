using PaperBot.Discord.Rendering;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Commands;

/// <summary>What a command answers: message data that never pings anyone, ephemeral when private or an error.</summary>
public sealed record CommandAnswer(InteractionResponseData Data)
{
    public bool IsPrivate => ((Data.Flags ?? 0) & MessageFlags.Ephemeral) != 0;

    public static CommandAnswer Public(string content, IReadOnlyList<Embed>? embeds = null, IReadOnlyList<Component>? components = null) =>
        new(Message(content, embeds, components, null));

    /// <summary>Only the caller sees it.</summary>
    public static CommandAnswer Private(string content, IReadOnlyList<Embed>? embeds = null) =>
        new(Message(content, embeds, null, MessageFlags.Ephemeral));

    /// <summary>What went wrong and what to do instead; only the caller sees it.</summary>
    public static CommandAnswer Error(string message) => Private("⚠️ " + message);

    private static InteractionResponseData Message(string content, IReadOnlyList<Embed>? embeds, IReadOnlyList<Component>? components, int? flags) => new()
    {
        Content = content.Length > 0 ? DiscordText.Cut(content, DiscordLimits.Content) : null,
        Embeds = embeds is { Count: > 0 } ? embeds : null,
        Components = components is { Count: > 0 } ? components : null,
        AllowedMentions = AllowedMentions.None,
        Flags = flags,
    };
}
