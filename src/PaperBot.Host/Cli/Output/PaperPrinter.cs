using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Host.Cli.Output;

/// <summary>The human-readable listing shared by latest, search and match.</summary>
public static class PaperPrinter
{
    public static void Print(TextWriter w, Paper p, IReadOnlyList<MatchHit>? why = null)
    {
        var date = (p.PublishedAt ?? p.FirstSeenAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var upvotes = p.Upvotes is { } u ? $"  ▲{u}" : "";
        w.WriteLine($"{date}  {Terminal.Clean(p.Title, 200)}{upvotes}");
        var id = p.Id.IsArxiv ? p.Id.Value + (p.Version is { } v ? $"v{v}" : "") : p.Id.Value;
        var sources = string.Join(",", p.Sources.Select(s => s.Source));
        w.WriteLine($"            {id}  [{sources}]  {Terminal.Clean(p.PrimaryUrl)}");
        if (p.Authors.Count > 0) w.WriteLine($"            {Terminal.Clean(string.Join(", ", p.Authors), 160)}");
        if (why is { Count: > 0 }) w.WriteLine($"            matched: {Terminal.Clean(string.Join(", ", why.Select(h => $"{h.Text} ({h.Field})").Distinct()))}");
    }
}
