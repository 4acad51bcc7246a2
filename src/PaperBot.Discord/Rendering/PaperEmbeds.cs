using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Core.Search;
using PaperBot.Discord.Rest.Models;

namespace PaperBot.Discord.Rendering;

/// <summary>Papers in command answers: <see cref="DiscordRenderer.PaperEmbed"/> for lists, and one paper in full.</summary>
public static class PaperEmbeds
{
    /// <summary>A search hit: the words the search marked <c>**like this**</c> become the embed's matched words,
    /// bolded in the paper's own (escaped) text.</summary>
    public static Embed Hit(SearchHit hit) => DiscordRenderer.PaperEmbed(hit.Paper,
        [.. Marked(hit.Title).Select(w => new MatchHit("title", w)).Concat(Marked(hit.Snippet).Select(w => new MatchHit("abstract", w))).Distinct()]);

    /// <summary>As many embeds as one message holds: at most 10, at most 6,000 characters together.</summary>
    public static IReadOnlyList<Embed> Fit(IEnumerable<Embed> embeds)
    {
        var fitted = new List<Embed>();
        var total = 0;
        foreach (var e in embeds.Take(DiscordLimits.EmbedsPerMessage))
        {
            if (total + DiscordLimits.Length(e) > DiscordLimits.EmbedTotal) break;
            total += DiscordLimits.Length(e);
            fitted.Add(e);
        }
        return fitted;
    }

    /// <summary>One paper in full (/paper): the abstract as far as the limit allows, facts and links as fields.</summary>
    public static Embed Full(Paper paper)
    {
        var fields = new List<EmbedField>();
        if (paper.Authors.Count > 0) fields.Add(Field("Authors", string.Join(", ", paper.Authors)));
        if (paper.Categories.Count > 0) fields.Add(Field("Categories", string.Join(", ", paper.Categories), inline: true));
        if (paper.PublishedAt is { } published) fields.Add(Field("Published", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), inline: true));
        if (paper.Upvotes is { } upvotes) fields.Add(Field("Upvotes", upvotes.ToString(CultureInfo.InvariantCulture), inline: true));
        var links = new[] { ("PDF", paper.Links.Pdf), ("Code", paper.Links.Code), ("Project page", paper.Links.ProjectPage) }
            .Select(l => (Label: l.Item1, Url: DiscordRenderer.SafeUrl(l.Item2)))
            .Where(l => l.Url is not null)
            .Select(l => $"[{l.Label}](<{l.Url}>)")
            .ToList();
        if (links.Count > 0) fields.Add(new EmbedField("Links", DiscordText.Cut(string.Join(" · ", links), DiscordLimits.FieldValue)));
        var description = paper.Summary is { Length: > 0 } summary && summary != paper.Abstract
            ? DiscordText.Safe(paper.Abstract, 3000, multiline: true) + "\n\n**Summary:** " + DiscordText.Safe(summary, 900, multiline: true)
            : DiscordText.Safe(paper.Abstract, 3900, multiline: true);
        return new Embed
        {
            Title = DiscordText.Safe(paper.Title, DiscordLimits.Title),
            Url = DiscordRenderer.SafeUrl(paper.PrimaryUrl),
            Description = description,
            Fields = fields.Count > 0 ? fields : null,
            Footer = paper.Id.IsArxiv ? new EmbedFooter("arXiv " + paper.Id.Value) : null,
        };
    }

    /// <summary>The marked words of a search's title or snippet.</summary>
    private static IEnumerable<string> Marked(string text) => text.Split("**").Where((_, i) => i % 2 == 1);

    private static EmbedField Field(string name, string value, bool inline = false) => new(name, DiscordText.Safe(value, DiscordLimits.FieldValue), inline ? true : null);
}
