namespace PaperBot.Discord.Delivery;

/// <summary>Where the console Discord channel prints. Null (the default, as in <c>run</c>) turns the preview off, so
/// Discord alerts stay queued rather than being marked sent; <c>demo</c> and <c>deliver</c> point it at their output.</summary>
public sealed class DiscordPreview
{
    public TextWriter? Output { get; set; }
}
