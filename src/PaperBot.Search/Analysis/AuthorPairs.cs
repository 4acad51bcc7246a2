using PaperBot.Search.Indexing;

namespace PaperBot.Search.Analysis;

/// <summary>
/// Every ordered pair of words within one author's name, as one term (<c>geoffrey hinton</c>, and with the first word's
/// initial: <c>^g hinton</c>). A two-word author query (<see cref="Core.Queries.AuthorNameRule"/>: the surname exactly, an
/// earlier word or its initial before it) is then one or two exact terms instead of a position-by-position span match,
/// which at a million papers costs several milliseconds for the commonest names.
/// A name of more than <see cref="MaxNameWords"/> words (never a real one, but feeds are hostile) gets only the
/// <see cref="LongName"/> marker, and queries fall back to the span match for those papers.
/// </summary>
internal static class AuthorPairs
{
    public const int MaxNameWords = 12;

    /// <summary>Marks a paper with an over-long name. It has no separator, so no pair can equal it.</summary>
    public const string LongName = "^long";

    public static string Of(string earlier, string surname) => string.Concat(earlier, PaperFields.PairSeparator.ToString(), surname);

    /// <summary>The terms of one name, each once.</summary>
    public static IEnumerable<string> Terms(IReadOnlyList<string> words)
    {
        if (words.Count > MaxNameWords)
        {
            yield return LongName;
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 1; s < words.Count; s++)
        {
            for (var i = 0; i < s; i++)
            {
                if (seen.Add(Of(words[i], words[s]))) yield return Of(words[i], words[s]);
                if (AuthorInitial.Of(words[i]) is { } initial && seen.Add(Of(initial, words[s]))) yield return Of(initial, words[s]);
            }
        }
    }
}
