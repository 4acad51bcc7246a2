using System.Text;

namespace PaperBot.Host.Cli.Output;

/// <summary>Text from papers is data: control characters (CR/LF, escape sequences) never reach the terminal.</summary>
public static class Terminal
{
    public static string Clean(string? text, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text)
        {
            if (sb.Length >= max) break;
            sb.Append(char.IsControl(c) ? ' ' : c);
        }
        var s = sb.ToString().Trim();
        return text.Length > max ? s + "…" : s;
    }
}
