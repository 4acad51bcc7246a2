using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rendering;

/// <summary>Discord's documented message limits; a message over any of them is rejected with a 400 (50035).</summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;

    /// <summary>Titles, descriptions, field names and values and footers of all embeds of one message together.</summary>
    public const int EmbedTotal = 6000;

    /// <summary>The <c>nonce</c> field; with <c>enforce_nonce</c> a repeat within a few minutes returns the first message.</summary>
    public const int Nonce = 25;

    /// <summary>The characters of one embed that count towards <see cref="EmbedTotal"/>.</summary>
    public static int Length(Embed e) =>
        (e.Title?.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Footer?.Text.Length ?? 0)
        + (e.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
}

/// <summary>One message as the Discord adapter posts it: already sanitised and within <see cref="DiscordLimits"/>.</summary>
public sealed record DiscordMessage(string Content, IReadOnlyList<Embed> Embeds, string Nonce)
{
    /// <summary>The wire body: <c>allowed_mentions: {parse: []}</c> and <c>enforce_nonce: true</c>, so a re-send after
    /// a crash is answered with the first message instead of a second post.</summary>
    public MessageCreate ToCreate() => new()
    {
        Content = Content.Length > 0 ? Content : null,
        Embeds = Embeds.Count > 0 ? Embeds : null,
        AllowedMentions = AllowedMentions.None,
        Nonce = Nonce,
        EnforceNonce = true,
    };
}
