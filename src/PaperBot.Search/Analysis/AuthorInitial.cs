namespace PaperBot.Search.Analysis;

/// <summary>
/// Author words are indexed twice at one position: the folded word and <c>^</c> + its first letter. A one-letter query
/// word (<c>g hinton</c>) then matches any name word starting with it through one exact term, instead of a prefix
/// expansion over every author word (which at a million papers would exceed Lucene's clause limit). The marker can
/// never clash with a real word: folded words are letters and digits only.
/// </summary>
internal static class AuthorInitial
{
    public const char Marker = '^';

    /// <summary>The initial token of a word; null when its first character is half of a surrogate pair (not a letter on its own).</summary>
    public static string? Of(string word) => word.Length == 0 || char.IsSurrogate(word[0]) ? null : string.Concat(Marker.ToString(), word.AsSpan(0, 1));
}
