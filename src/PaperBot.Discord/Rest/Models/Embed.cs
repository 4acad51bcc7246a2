namespace PaperBot.Discord.Rest.Models;

/// <summary>A rich embed (docs: Embed Object); the limits are in <see cref="Rendering.DiscordLimits"/>.</summary>
public sealed record Embed
{
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
    public EmbedFooter? Footer { get; init; }

    /// <summary>RGB as an integer, e.g. 0x5865F2.</summary>
    public int? Color { get; init; }
}

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record EmbedFooter(string Text);
