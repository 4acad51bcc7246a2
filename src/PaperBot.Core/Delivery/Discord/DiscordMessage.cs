namespace PaperBot.Core.Delivery.Discord;

/// <summary>Discord's documented message limits; a message over any of them is rejected with a 400.</summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Footer = 2048;

    /// <summary>Titles, descriptions and footers of all embeds of one message together.</summary>
    public const int EmbedTotal = 6000;

    /// <summary>The <c>nonce</c> field; with <c>enforce_nonce</c> a repeat within a few minutes returns the first message.</summary>
    public const int Nonce = 25;
}

public sealed record DiscordEmbed(string Title, string? Url, string Description, string? Footer)
{
    public int Length => Title.Length + Description.Length + (Footer?.Length ?? 0);
}

/// <summary>One message as the Discord adapter posts it: already sanitised and within <see cref="DiscordLimits"/>;
/// always sent with <c>allowed_mentions: { parse: [] }</c> and <c>enforce_nonce: true</c>.</summary>
public sealed record DiscordMessage(string Content, IReadOnlyList<DiscordEmbed> Embeds, string Nonce);
