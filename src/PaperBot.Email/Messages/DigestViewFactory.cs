using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Email.Messages;

/// <summary>How much of each paper's text a digest shows; tightened step by step to keep a digest under the size cap.</summary>
public sealed record TextBudget(int AbstractChars, int SummaryChars)
{
    /// <summary>From roomy to bare: trimming abstracts comes before dropping papers.</summary>
    public static readonly IReadOnlyList<TextBudget> Steps =
        [new(900, 600), new(450, 350), new(250, 250), new(120, 200), new(0, 120), new(0, 0)];
}

/// <summary>Turns a digest into what the templates show: one-line, context-encoded paper data and http(s)-only links.</summary>
public static class DigestViewFactory
{
    /// <summary>Encodes the HTML-significant characters and leaves other scripts (and so the message size) alone.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static DigestView Create(Digest digest, int shown, TextBudget budget, string manageUrl, string unsubscribeUrl, IReadOnlyList<string> notices,
        PaperContentCache cache)
    {
        var papers = new List<PaperView>(shown);
        for (var i = 0; i < shown; i++) papers.Add(new PaperView(i + 1, cache.Get(digest.Entries[i], budget)));
        var total = digest.Entries.Count + digest.MoreCount;
        var query = PaperText.OneLine(digest.Subscription.Query);
        return new DigestView(query, total, papers, total - shown, manageUrl, unsubscribeUrl, Subjects.Digest(total, query),
            [.. notices.Select(PaperText.OneLine)]);
    }

    internal static PaperContent Content(DigestEntry entry, TextBudget budget)
    {
        var p = entry.Paper;
        var words = entry.Why.Select(h => PaperText.OneLine(h.Text)).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var title = PaperText.OneLine(p.Title);
        var summary = PaperText.Shorten(PaperText.OneLine(p.Summary), budget.SummaryChars);
        var abstractText = PaperText.Shorten(PaperText.OneLine(p.Abstract), budget.AbstractChars);
        var links = Links(p);
        return new PaperContent(
            title,
            Highlighter.Html(title, words, Encoder),
            links.FirstOrDefault(l => l.Label == "abstract")?.Url,
            Authors(p.Authors),
            p.Upvotes,
            summary,
            Highlighter.Html(summary, words, Encoder),
            abstractText,
            Highlighter.Html(abstractText, words, Encoder),
            Why(entry.Why),
            links);
    }

    /// <summary>Abstract, PDF, Hugging Face page (derived when Hugging Face brought the paper) and code; http(s) only.</summary>
    internal static List<LinkView> Links(Paper p)
    {
        var links = new List<LinkView>(4);
        void Add(string label, string? url)
        {
            if (SafeLink.Http(url) is { } safe && links.All(l => l.Url != safe)) links.Add(new LinkView(label, safe));
        }
        Add("abstract", p.PrimaryUrl);
        Add("PDF", p.Links.Pdf ?? (p.Id.IsArxiv ? $"https://arxiv.org/pdf/{p.Id.Value}" : null));
        if (p.Id.IsArxiv && p.HasSource(PaperSources.HuggingFace)) Add("Hugging Face", $"https://huggingface.co/papers/{p.Id.Value}");
        Add("code", p.Links.Code);
        return links;
    }

    private static string Authors(IReadOnlyList<string> authors)
    {
        var names = authors.Select(PaperText.OneLine).Where(a => a.Length > 0).ToList();
        var text = names.Count <= 5 ? string.Join(", ", names) : string.Join(", ", names.Take(4)) + " et al.";
        return PaperText.Shorten(text, 300);
    }

    /// <summary>"title matched 'diffusion'; abstract matched 'image', 'video'".</summary>
    internal static string Why(IReadOnlyList<MatchHit> hits)
    {
        var parts = hits
            .GroupBy(h => PaperText.OneLine(h.Field), StringComparer.OrdinalIgnoreCase)
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Key} matched {string.Join(", ", g.Select(h => $"'{PaperText.OneLine(h.Text)}'").Distinct(StringComparer.OrdinalIgnoreCase))}"));
        return PaperText.Shorten(string.Join("; ", parts), 300);
    }
}
