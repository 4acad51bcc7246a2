namespace PaperBot.Host.Delivery;

/// <summary>Where the console Discord channel prints: the service's console, or a verb's own output.</summary>
public sealed class DiscordPreview
{
    public TextWriter Output { get; set; } = Console.Out;
}
