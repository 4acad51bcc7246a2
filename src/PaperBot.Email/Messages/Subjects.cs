using System.Globalization;

namespace PaperBot.Email.Messages;

/// <summary>Subject lines: how many papers and for which subscription, on one line whatever the query holds.</summary>
public static class Subjects
{
    private const int MaxQueryChars = 80;

    public static string Digest(int papers, string query) => papers == 0
        ? $"PaperBot: nothing new for \"{Query(query)}\""
        : string.Create(CultureInfo.InvariantCulture, $"PaperBot: {papers} new paper{(papers == 1 ? "" : "s")} for \"{Query(query)}\"");

    public static string Confirmation(string query) => $"Confirm your PaperBot subscription to \"{Query(query)}\"";

    private static string Query(string query) => PaperText.Shorten(PaperText.OneLine(query), MaxQueryChars);
}
