using System.Globalization;
using System.Text;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Matching;

/// <summary>
/// The foundation's simple matcher: every word of the query must appear as a whole word (case- and
/// accent-insensitive) in the title or abstract. The query-language engine replaces it.
/// </summary>
public sealed class KeywordMatcher(ISubscriptionStore subscriptions) : IPaperMatcher
{
    public IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers)
    {
        var active = subscriptions.All().Where(s => s.IsActive).ToList();
        var matches = new List<PaperMatch>();
        foreach (var paper in papers)
        {
            foreach (var s in active)
            {
                if (Evaluate(s.Query, paper) is { } why) matches.Add(new PaperMatch(s.Id, paper.Id, why, why.Count));
            }
        }
        return matches;
    }

    /// <summary>The hits when every query word is in the paper, else null.</summary>
    public static IReadOnlyList<MatchHit>? Evaluate(string query, Paper paper)
    {
        var words = Words(query).Distinct().ToList();
        if (words.Count == 0) return null;
        var title = Words(paper.Title).ToHashSet();
        var abs = Words(paper.Abstract).ToHashSet();
        var hits = new List<MatchHit>();
        foreach (var w in words)
        {
            if (title.Contains(w)) hits.Add(new MatchHit("title", w));
            else if (abs.Contains(w)) hits.Add(new MatchHit("abstract", w));
            else return null;
        }
        return hits;
    }

    private static IEnumerable<string> Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
