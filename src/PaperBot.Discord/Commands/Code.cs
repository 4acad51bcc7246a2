namespace PaperBot.Discord.Commands;

/// <summary>User text shown as inline code (a query, an id): markdown does not apply there, so it is not escaped;
/// control characters and backticks, which would end the span, are replaced, and the text is cut.</summary>
public static class Code
{
    public static string Span(string text, int max) => "`" + Clean(text, max) + "`";

    public static string Clean(string text, int max)
    {
        var clean = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c == '`' ? '\'' : c)]).Trim();
        return clean.Length == 0 ? " " : Rendering.DiscordText.Cut(clean, max);
    }
}
