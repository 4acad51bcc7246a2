namespace PaperBot.Core.Queries;

/// <summary>
/// When an author query matches one author's name. Query words must appear in the name in the same order, gaps allowed
/// (<c>"hinton"</c> and <c>"geoffrey hinton"</c> match "Geoffrey E. Hinton"). A one-letter word on either side is an
/// initial and matches any word starting with that letter (<c>"g hinton"</c> matches it; so does "G. E. Hinton" for
/// <c>"geoffrey hinton"</c>). The query's last word (the surname) must match a word in full, which is also what the
/// matching engine indexes.
/// </summary>
public static class AuthorNameRule
{
    public static bool Matches(ReadOnlySpan<string> query, IReadOnlyList<string> name)
    {
        if (query.Length == 0) return false;
        for (var s = name.Count - 1; s >= 0; s--)
            if (name[s] == query[^1] && EarlierWordsFit(query, name, s)) return true;
        return false;
    }

    // Greedy earliest matching is enough for "in order, gaps allowed".
    private static bool EarlierWordsFit(ReadOnlySpan<string> query, IReadOnlyList<string> name, int surname)
    {
        var j = 0;
        for (var q = 0; q < query.Length - 1; q++)
        {
            while (j < surname && !WordMatches(query[q], name[j])) j++;
            if (j == surname) return false;
            j++;
        }
        return true;
    }

    private static bool WordMatches(string query, string word) =>
        query == word
        || (query.Length == 1 && word[0] == query[0])
        || (word.Length == 1 && query[0] == word[0]);
}
