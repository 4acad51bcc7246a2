namespace PaperBot.Core.Queries;

/// <summary>
/// Turns one word or quoted phrase into a leaf, analysing it with <see cref="TextAnalyzer"/> exactly as papers are:
/// a word that analyses to several words (<c>few-shot</c>) becomes a phrase; an author is always a name pattern;
/// categories and sources are whole folded tokens (<c>cs.LG</c> → <c>cs.lg</c>).
/// </summary>
internal static class LeafBuilder
{
    public static (QueryNode? Node, QueryError? Error) FromWord(QueryToken token, QueryField field)
    {
        var word = token.Text;
        var star = word.IndexOf('*');
        if (star >= 0 && star != word.Length - 1)
            return Error(token, $"'*' is only allowed at the end of a word: '{Quoted(word)}' at character {token.Position + 1}");
        if (field is QueryField.Category or QueryField.Source)
            return star >= 0
                ? Error(token, $"{QueryFields.Name(field)}: needs an exact name such as {Example(field)}, without '*' (character {token.Position + 1})")
                : Exact(token, field, word);
        if (star >= 0) return Prefix(token, field, word[..^1]);
        if (IsPlainLowerCase(word)) return (Words(field, word), null); // the common case, without a token list

        var words = TextAnalyzer.Analyze(word);
        if (words.Count == 0)
            return word == "-"
                ? Error(token, $"'-' at character {token.Position + 1} must be written right before the word it excludes, as in -survey")
                : Error(token, $"'{Quoted(word)}' at character {token.Position + 1} has no letters or digits to search for");
        return (Words(field, words), null);
    }

    public static (QueryNode? Node, QueryError? Error) FromPhrase(QueryToken token, QueryField field)
    {
        if (field is QueryField.Category or QueryField.Source)
        {
            var name = token.Text.Trim();
            return name.Length == 0 || name.Any(char.IsWhiteSpace)
                ? Error(token, $"{QueryFields.Name(field)}: takes one name such as {Example(field)} (character {token.Position + 1})")
                : Exact(token, field, name);
        }
        var words = TextAnalyzer.Analyze(token.Text);
        return words.Count == 0
            ? Error(token, $"empty phrase at character {token.Position + 1}: put words between the quotes")
            : (Words(field, words), null);
    }

    // What TextAnalyzer yields for a word of lower-case ASCII letters and digits: that word, unchanged.
    private static bool IsPlainLowerCase(string word)
    {
        foreach (var c in word)
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c)) return false;
        return word.Length > 0;
    }

    private static QueryNode Words(QueryField field, string term) =>
        field == QueryField.Author ? new PhraseNode(field, [term]) : new TermNode(field, PluralStemmer.Stem(term));

    private static QueryNode Words(QueryField field, IReadOnlyList<TextToken> words)
    {
        if (field != QueryField.Author && words.Count == 1) return new TermNode(field, words[0].Stem);
        var terms = new string[words.Count];
        for (var k = 0; k < terms.Length; k++) terms[k] = field == QueryField.Author ? words[k].Term : words[k].Stem;
        return new PhraseNode(field, terms);
    }

    private static (QueryNode?, QueryError?) Prefix(QueryToken token, QueryField field, string stem)
    {
        var words = TextAnalyzer.Analyze(stem);
        if (words.Count > 1)
            return Error(token, $"a prefix must be one word: '{Quoted(token.Text)}' at character {token.Position + 1} (try a phrase without '*')");
        if (words.Count == 0 || words[0].Term.Length < QueryLimits.MinPrefixLength)
            return Error(token, $"'{Quoted(token.Text)}' at character {token.Position + 1} needs at least {QueryLimits.MinPrefixLength} letters before '*'");
        return (new PrefixNode(field, words[0].Term), null);
    }

    private static (QueryNode?, QueryError?) Exact(QueryToken token, QueryField field, string name)
    {
        var folded = TextAnalyzer.FoldWord(name);
        return folded.Any(char.IsLetterOrDigit)
            ? (new TermNode(field, folded), null)
            : Error(token, $"'{Quoted(name)}' at character {token.Position + 1} is not a {QueryFields.Name(field)} name");
    }

    private static string Example(QueryField field) => field == QueryField.Category ? "cs.LG" : "huggingface";

    private static (QueryNode?, QueryError?) Error(QueryToken token, string message) => (null, new QueryError(token.Position, message));

    /// <summary>A word as an error quotes it: its start is enough to find it, and the message stays readable.</summary>
    internal static string Quoted(string word) => word.Length <= 40 ? word : Papers.Utf16Text.Cut(word, 40) + "…";
}
