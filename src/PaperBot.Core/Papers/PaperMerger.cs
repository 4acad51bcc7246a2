namespace PaperBot.Core.Papers;

public enum PaperChange { New, Updated, Unchanged }

public sealed record MergeResult(Paper Paper, PaperChange Change, IReadOnlyList<string> Changes);

/// <summary>
/// Merges the same paper brought by different sources (or by the same source again) into one record.
/// The rules:
/// <list type="bullet">
/// <item>Title, abstract and authors come from the most authoritative source that has them
///   (<see cref="PaperSources.Authority"/>: arXiv API &gt; arXiv RSS &gt; Hugging Face &gt; feeds &gt; files);
///   a source of equal authority may correct them, a weaker one only fills what is empty.</item>
/// <item>The version is the highest seen; categories, keywords and provenance are unions (primary category first).</item>
/// <item>Upvotes and the summary are Hugging Face's live values: the newest non-null wins.</item>
/// <item>Links, comment and journal reference: the incoming value fills or replaces, never erases.</item>
/// <item>The publication date is the earliest known; the update date the latest.</item>
/// </list>
/// A merge that changes nothing reports <see cref="PaperChange.Unchanged"/>, so re-importing is a no-op.
/// </summary>
public static class PaperMerger
{
    public static MergeResult Merge(Paper? stored, Paper incoming, string source, DateTimeOffset now)
    {
        if (stored is null)
        {
            var fresh = incoming with
            {
                Sources = incoming.HasSource(source) ? incoming.Sources : [.. incoming.Sources, new Provenance(source, now)],
                FirstSeenAt = now,
                ChangedAt = null,
            };
            return new MergeResult(fresh, PaperChange.New, []);
        }
        if (stored.Id != incoming.Id) throw new ArgumentException($"Cannot merge {incoming.Id} into {stored.Id}.", nameof(incoming));

        var changes = new List<string>();
        var incomingWins = PaperSources.Authority(source) >= StrongestAuthority(stored);

        var merged = stored with
        {
            Version = Max(stored.Version, incoming.Version),
            Title = Pick(stored.Title, incoming.Title, incomingWins),
            Abstract = Pick(stored.Abstract, incoming.Abstract, incomingWins),
            Authors = incomingWins && incoming.Authors.Count > 0 || stored.Authors.Count == 0 ? incoming.Authors : stored.Authors,
            Categories = Union(PrimaryFirst(stored, incoming, incomingWins)),
            Links = MergeLinks(stored.Links, incoming.Links),
            PublishedAt = Min(stored.PublishedAt, incoming.PublishedAt),
            UpdatedAt = Max(stored.UpdatedAt, incoming.UpdatedAt),
            Upvotes = incoming.Upvotes ?? stored.Upvotes,
            Summary = incoming.Summary ?? stored.Summary,
            Keywords = Union(stored.Keywords, incoming.Keywords),
            Comment = incoming.Comment ?? stored.Comment,
            JournalRef = incoming.JournalRef ?? stored.JournalRef,
            Sources = stored.HasSource(source) ? stored.Sources : [.. stored.Sources, new Provenance(source, now)],
        };
        if (merged.Title.Length == 0) merged = merged with { Title = stored.Title };

        if (merged.Version != stored.Version) changes.Add("version");
        if (merged.Title != stored.Title) changes.Add("title");
        if (merged.Abstract != stored.Abstract) changes.Add("abstract");
        if (!merged.Authors.SequenceEqual(stored.Authors)) changes.Add("authors");
        if (!merged.Categories.SequenceEqual(stored.Categories)) changes.Add("categories");
        if (merged.Links != stored.Links) changes.Add("links");
        if (merged.PublishedAt != stored.PublishedAt || merged.UpdatedAt != stored.UpdatedAt) changes.Add("dates");
        if (merged.Upvotes != stored.Upvotes) changes.Add("upvotes");
        if (merged.Summary != stored.Summary || !merged.Keywords.SequenceEqual(stored.Keywords)) changes.Add("summary");
        if (merged.Comment != stored.Comment || merged.JournalRef != stored.JournalRef) changes.Add("notes");
        if (merged.Sources.Count != stored.Sources.Count) changes.Add("sources");

        return changes.Count == 0
            ? new MergeResult(stored, PaperChange.Unchanged, [])
            : new MergeResult(merged with { ChangedAt = now }, PaperChange.Updated, changes);
    }

    private static int StrongestAuthority(Paper p) =>
        p.Sources.Count == 0 ? -1 : p.Sources.Max(s => PaperSources.Authority(s.Source));

    private static string Pick(string stored, string incoming, bool incomingWins) =>
        string.IsNullOrWhiteSpace(incoming) ? stored
        : incomingWins || string.IsNullOrWhiteSpace(stored) ? incoming
        : stored;

    private static IEnumerable<string> PrimaryFirst(Paper stored, Paper incoming, bool incomingWins) =>
        incomingWins ? incoming.Categories.Concat(stored.Categories) : stored.Categories.Concat(incoming.Categories);

    private static IReadOnlyList<string> Union(IEnumerable<string> items) =>
        items.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static IReadOnlyList<string> Union(IReadOnlyList<string> a, IReadOnlyList<string> b) => Union(a.Concat(b));

    private static PaperLinks MergeLinks(PaperLinks s, PaperLinks i) => new()
    {
        Abstract = i.Abstract ?? s.Abstract,
        Pdf = i.Pdf ?? s.Pdf,
        Code = i.Code ?? s.Code,
        ProjectPage = i.ProjectPage ?? s.ProjectPage,
        Doi = i.Doi ?? s.Doi,
        Other = i.Other ?? s.Other,
    };

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
