using System.Collections.Concurrent;
using PaperBot.Core.Delivery;
using PaperBot.Core.Papers;

namespace PaperBot.Email.Messages;

/// <summary>
/// The papers of a day's digests, prepared and rendered once: many subscribers get the same papers for the same
/// words. Keyed by paper, matched words and text budget; a hit is used only when the paper's shown text is still the
/// same (a paper updated since renders anew). Bounded: emptied when full.
/// </summary>
public sealed class PaperContentCache
{
    /// <summary>About 10 KB each (text, marked HTML and both fragments): at most ~20 MB.</summary>
    public const int Capacity = 2048;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();

    public PaperContent Get(DigestEntry entry, TextBudget budget)
    {
        var key = new Key(entry.Paper.Id, HitsKey(entry), budget);
        if (_entries.TryGetValue(key, out var cached) && ShowsTheSame(cached.Paper, entry.Paper)) return cached.Content;
        var content = DigestViewFactory.Content(entry, budget);
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[key] = new Entry(entry.Paper, content);
        return content;
    }

    private static string HitsKey(DigestEntry entry) => string.Join('\u0001', entry.Why.Select(h => h.Field + '\u0002' + h.Text));

    /// <summary>Everything <see cref="DigestViewFactory.Content"/> reads from a paper.</summary>
    private static bool ShowsTheSame(Paper a, Paper b) =>
        ReferenceEquals(a, b) || (a.Id == b.Id && a.Title == b.Title && a.Abstract == b.Abstract && a.Summary == b.Summary && a.Upvotes == b.Upvotes
            && a.Links == b.Links && a.Authors.SequenceEqual(b.Authors) && a.HasSource(PaperSources.HuggingFace) == b.HasSource(PaperSources.HuggingFace));

    private readonly record struct Key(PaperId Paper, string Hits, TextBudget Budget);

    private sealed record Entry(Paper Paper, PaperContent Content);
}
