using PaperBot.Email.Messages;
using System.Globalization;
using PaperBot.Core.Papers;
using PaperBot.Core.Search;
using PaperBot.Host.Web.Pages;

namespace PaperBot.Host.Web.Papers;

/// <summary>A run of text, marked when the search matched it. Templates encode each part, so a title can never
/// inject markup, whatever it contains.</summary>
public sealed record TextPart(string Text, bool Marked);

public sealed record PaperLink(string Label, string Url);

/// <summary>One paper on <c>/papers</c>: every link checked to be http(s), texts split into marked parts.</summary>
public sealed record PaperCard(
    IReadOnlyList<TextPart> Title, string? Url, string Authors, string Date, int? Upvotes, IReadOnlyList<TextPart> Text, bool IsSummary,
    IReadOnlyList<PaperLink> Links, string Categories)
{
    private const int MaxAuthors = 6;
    private const int MaxTextChars = 600;

    /// <param name="marked">The hit's title and snippet carry <c>**marks**</c> (a search); plain text otherwise.</param>
    public static PaperCard Of(SearchHit hit, bool marked)
    {
        var paper = hit.Paper;
        var authors = paper.Authors.Count > MaxAuthors ? string.Join(", ", paper.Authors.Take(MaxAuthors)) + " et al." : string.Join(", ", paper.Authors);
        var summary = !marked && !string.IsNullOrWhiteSpace(paper.Summary);
        var text = summary ? paper.Summary! : Shorten(hit.Snippet);
        // One line and no bidi overrides, as in mail: an RTL override in a title would reverse the rest of the line.
        return new PaperCard(
            Parts(PaperText.OneLine(hit.Title), marked), AbstractUrl(paper), authors,
            (paper.PublishedAt ?? paper.FirstSeenAt).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            paper.Upvotes, Parts(PaperText.OneLine(text), marked && !summary), summary, LinksOf(paper), string.Join(" ", paper.Categories.Take(3)));
    }

    /// <summary>Abstract, PDF, Hugging Face (derived when the paper came from there), code, project page, DOI.</summary>
    public static IReadOnlyList<PaperLink> LinksOf(Paper paper)
    {
        var candidates = new (string Label, string? Url)[]
        {
            ("Abstract", AbstractUrl(paper)),
            ("PDF", paper.Links.Pdf),
            ("Hugging Face", paper.HasSource(PaperSources.HuggingFace) && paper.Id.IsArxiv ? $"https://huggingface.co/papers/{paper.Id.Value}" : null),
            ("Code", paper.Links.Code),
            ("Project page", paper.Links.ProjectPage),
            ("DOI", paper.Links.Doi is { } doi && !doi.Contains("://", StringComparison.Ordinal) ? "https://doi.org/" + doi : paper.Links.Doi),
        };
        return [.. candidates.Select(c => (c.Label, Url: PageRenderer.SafeUrl(c.Url))).Where(c => c.Url is not null).Select(c => new PaperLink(c.Label, c.Url!))];
    }

    /// <summary>The source's abstract link when it is http(s); else the arXiv page of an arXiv id, else the feed's page.</summary>
    private static string? AbstractUrl(Paper paper) =>
        PageRenderer.SafeUrl(paper.Links.Abstract) ?? PageRenderer.SafeUrl(paper.Id.IsArxiv ? $"https://arxiv.org/abs/{paper.Id.Value}" : paper.Links.Other);

    /// <summary>Splits <c>**marked**</c> runs out of a search result; plain text stays one part.</summary>
    public static IReadOnlyList<TextPart> Parts(string text, bool marked)
    {
        if (!marked) return [new TextPart(text, false)];
        var pieces = text.Split("**");
        return [.. pieces.Select((piece, i) => new TextPart(piece, i % 2 == 1)).Where(p => p.Text.Length > 0)];
    }

    private static string Shorten(string text) => text.Length <= MaxTextChars ? text : text[..MaxTextChars].TrimEnd() + "…";
}
