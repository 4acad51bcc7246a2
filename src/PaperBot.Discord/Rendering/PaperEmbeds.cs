using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rendering;

/// <summary>Papers in command answers: one embed each, every text escaped and within its limit, links http(s) only.
/// Sized so that <see cref="Commands.CommandCatalog.MaxPapersPerAnswer"/> of them fit in one message.</summary>
public static class PaperEmbeds
{
    /// <summary>Ten embeds of this size stay under the 6,000-character total.</summary>
    private const int ListDescription = 420;

    /// <summary>A search hit: its matched words bold in the title and the abstract excerpt.</summary>
    public static Embed Hit(SearchHit hit)
    {
        var authors = hit.Paper.Authors.Count > 0 ? Cut(Authors(hit.Paper), 200) + "\n" : "";
        var source = hit.Paper.Abstract + hit.Paper.Summary;
        return new Embed
        {
            Title = DiscordMarkdown.Highlighted(hit.Title, hit.Paper.Title, DiscordLimits.Title),
            Url = DiscordRenderer.SafeUrl(hit.Paper.PrimaryUrl),
            Description = authors + DiscordMarkdown.Highlighted(hit.Snippet, source, ListDescription - authors.Length),
            Footer = Footer(hit.Paper),
        };
    }

    /// <summary>A paper in a list (latest, trending).</summary>
    public static Embed Brief(Paper paper) => Listed(paper, []);

    /// <summary>A subscription's match, with why it matched (/digest).</summary>
    public static Embed Matched(Paper paper, IReadOnlyList<MatchHit> why) => Listed(paper, why);

    /// <summary>One paper in full (/paper): the whole abstract as far as the limit allows, links and facts as fields.</summary>
    public static Embed Full(Paper paper)
    {
        var fields = new List<EmbedField>();
        if (paper.Authors.Count > 0) fields.Add(Field("Authors", string.Join(", ", paper.Authors)));
        if (paper.Categories.Count > 0) fields.Add(Field("Categories", string.Join(", ", paper.Categories), inline: true));
        if (paper.PublishedAt is { } published) fields.Add(Field("Published", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), inline: true));
        if (paper.Upvotes is { } upvotes) fields.Add(Field("Upvotes", upvotes.ToString(CultureInfo.InvariantCulture), inline: true));
        var links = new[] { ("PDF", paper.Links.Pdf), ("Code", paper.Links.Code), ("Project page", paper.Links.ProjectPage) }
            .Select(l => (l.Item1, Url: DiscordRenderer.SafeUrl(l.Item2)))
            .Where(l => l.Url is not null)
            .Select(l => $"[{l.Item1}](<{l.Url}>)")
            .ToList();
        if (links.Count > 0) fields.Add(new EmbedField("Links", DiscordText.Cut(string.Join(" · ", links), DiscordLimits.FieldValue)));
        var description = paper.Summary is { Length: > 0 } summary && summary != paper.Abstract
            ? Cut(paper.Abstract, 3000) + "\n\n**Summary:** " + Cut(summary, 900)
            : Cut(paper.Abstract, 3900);
        return new Embed
        {
            Title = Cut(paper.Title, DiscordLimits.Title),
            Url = DiscordRenderer.SafeUrl(paper.PrimaryUrl),
            Description = description,
            Fields = fields.Count > 0 ? fields : null,
            Footer = Footer(paper),
        };
    }

    private static Embed Listed(Paper paper, IReadOnlyList<MatchHit> why)
    {
        var lines = new List<string>();
        if (why.Count > 0) lines.Add("matched: " + string.Join(", ", why.Select(h => $"**{DiscordMarkdown.Escape(DiscordText.Safe(h.Text, 60))}** ({h.Field})").Distinct()));
        if (paper.Authors.Count > 0) lines.Add(Cut(Authors(paper), 200));
        lines.Add(Cut(paper.Summary ?? paper.Abstract, ListDescription - 40 - lines.Sum(l => l.Length)));
        return new Embed
        {
            Title = Cut(paper.Title, DiscordLimits.Title),
            Url = DiscordRenderer.SafeUrl(paper.PrimaryUrl),
            Description = DiscordText.Cut(string.Join("\n", lines), ListDescription),
            Footer = Footer(paper),
        };
    }

    private static string Authors(Paper p) =>
        p.Authors.Count <= 4 ? string.Join(", ", p.Authors) : string.Join(", ", p.Authors.Take(3)) + " et al.";

    private static EmbedFooter? Footer(Paper p)
    {
        var parts = new List<string>();
        if (p.Id.IsArxiv) parts.Add("arXiv " + p.Id.Value);
        if (p.Upvotes is { } up) parts.Add($"▲ {up}");
        if (p.PublishedAt is { } at) parts.Add(at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return parts.Count > 0 ? new EmbedFooter(string.Join(" · ", parts)) : null;
    }

    /// <summary>Paper text made safe (no mentions, no control characters), escaped, and cut to <paramref name="max"/>.</summary>
    private static string Cut(string text, int max) => DiscordText.Cut(DiscordMarkdown.Escape(DiscordText.Safe(text, max, multiline: true)), Math.Max(1, max));

    private static EmbedField Field(string name, string value, bool inline = false) => new(name, Cut(value, DiscordLimits.FieldValue), inline ? true : null);
}
