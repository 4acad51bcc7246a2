namespace PaperBot.Email.Messages;

/// <summary>What the digest templates see. Plain strings are encoded by the template engine; the <c>*Html</c>
/// strings are already encoded and marked (<see cref="Highlighter"/>) and are the only ones a template prints raw.
/// <see cref="Notices"/> are one-line texts about open incidents (a source failing, a pause), shown first.</summary>
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
    public bool IsEmpty => Papers.Count == 0 && More == 0;
}

public sealed record PaperView(
    int Number,
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
    IReadOnlyList<LinkView> Links);

/// <summary>An http(s) link (checked by <see cref="SafeLink"/>) and its label.</summary>
public sealed record LinkView(string Label, string Url);

/// <summary>What the confirmation templates see.</summary>
public sealed record ConfirmationView(string Query, string Schedule, string ConfirmUrl);
