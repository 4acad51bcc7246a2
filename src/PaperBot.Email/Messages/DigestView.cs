namespace PaperBot.Email.Messages;

/// <summary>What the digest templates see. Plain strings are encoded by the template engine; the <c>*Html</c>
/// strings are already encoded and marked (<see cref="Highlighter"/>) and are the only ones a template prints raw.
/// <see cref="Notices"/> are one-line texts about open incidents (a source failing, a pause), shown first.
/// <see cref="RenderedPapers"/> prints the papers, each rendered by the <c>digest-paper</c> template of the same
/// kind; a template may instead loop over <see cref="Papers"/> itself.</summary>
public sealed record DigestView(
    string Query,
    int Total,
    IReadOnlyList<PaperView> Papers,
    int More,
    string ManageUrl,
    string UnsubscribeUrl,
    string Preheader,
    IReadOnlyList<string> Notices)
{
    /// <summary>Where the papers go: a control character, which no paper or query text can hold (see <see cref="PaperText"/>).</summary>
    internal const string PapersSlot = "\u0002";

    public bool IsEmpty => Papers.Count == 0 && More == 0;

    public string RenderedPapers => PapersSlot;
}

/// <summary>One paper as a digest shows it: its place in the digest and its content (shared by every digest that
/// shows it with the same matched words and text budget).</summary>
public sealed class PaperView(object number, PaperContent content)
{
    /// <summary>What a paper template prints for its place; filled in per digest, which keeps a rendered paper shareable.</summary>
    internal const string NumberSlot = "\u0001";

    public object Number => number;
    public string Title => content.Title;
    public string TitleHtml => content.TitleHtml;
    public string? Url => content.Url;
    public string Authors => content.Authors;
    public int? Upvotes => content.Upvotes;
    public string Summary => content.Summary;
    public string SummaryHtml => content.SummaryHtml;
    public string Abstract => content.Abstract;
    public string AbstractHtml => content.AbstractHtml;
    public string Why => content.Why;
    public IReadOnlyList<LinkView> Links => content.Links;

    internal PaperContent Content => content;
}

/// <summary>A paper's one-line, context-encoded text and http(s) links, and its rendered fragments once made.</summary>
public sealed record PaperContent(
    string Title,
    string TitleHtml,
    string? Url,
    string Authors,
    int? Upvotes,
    string Summary,
    string SummaryHtml,
    string Abstract,
    string AbstractHtml,
    string Why,
    IReadOnlyList<LinkView> Links)
{
    internal PaperFragment? Text { get; set; }
    internal PaperFragment? Html { get; set; }
}

/// <summary>An http(s) link (checked by <see cref="SafeLink"/>) and its label.</summary>
public sealed record LinkView(string Label, string Url);

/// <summary>What the confirmation templates see.</summary>
public sealed record ConfirmationView(string Query, string Schedule, string ConfirmUrl);
