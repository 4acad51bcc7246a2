namespace PaperBot.Core.Queries;

/// <summary>
/// Removes English plural endings so that singular and plural forms meet (<c>models</c> → <c>model</c>,
/// <c>queries</c> → <c>query</c>). Deliberately tiny and predictable, not Porter: it never touches other suffixes
/// (<c>learning</c> stays <c>learning</c>). Applied to folded words, in this order:
/// <list type="number">
/// <item>Words of three letters or fewer, and words with a digit, stay as they are (<c>gas</c>, <c>llm2</c>).</item>
/// <item>A short list of irregular plurals maps to the singular (<c>indices</c> → <c>index</c>, <c>analyses</c> → <c>analysis</c>).</item>
/// <item>A short list of words that only look plural stays (<c>bias</c>, <c>physics</c>, <c>series</c>, <c>news</c>).</item>
/// <item><c>-ies</c> → <c>-y</c> (<c>studies</c> → <c>study</c>); <c>-sses</c>, <c>-xes</c>, <c>-ches</c>, <c>-shes</c> lose <c>-es</c>
/// (<c>losses</c> → <c>loss</c>, <c>patches</c> → <c>patch</c>).</item>
/// <item>Words ending in <c>-ss</c>, <c>-us</c>, <c>-is</c> stay (<c>loss</c>, <c>corpus</c>, <c>analysis</c>).</item>
/// <item>Otherwise a final <c>-s</c> is dropped (<c>transformers</c> → <c>transformer</c>).</item>
/// </list>
/// Known misses (both sides still agree with each other): <c>caches</c> → <c>cach</c> but <c>cache</c> → <c>cache</c>.
/// </summary>
public static class PluralStemmer
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["indices"] = "index", ["matrices"] = "matrix", ["vertices"] = "vertex", ["appendices"] = "appendix",
        ["analyses"] = "analysis", ["hypotheses"] = "hypothesis", ["theses"] = "thesis", ["syntheses"] = "synthesis",
        ["biases"] = "bias", ["axes"] = "axis", ["criteria"] = "criterion", ["phenomena"] = "phenomenon",
        ["corpora"] = "corpus", ["children"] = "child", ["people"] = "person", ["lenses"] = "lens",
    };

    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "bias", "lens", "news", "series", "species", "physics", "mathematics", "economics", "ethics", "robotics",
        "statistics", "linguistics", "always", "perhaps", "whereas", "towards", "chaos", "atlas", "canvas", "alias",
    };

    // Singulars that do not begin their irregular plural (index: indices), unlike biases, children, lenses.
    private static readonly HashSet<string> SingularsNotPrefixes =
        new(Irregular.Where(p => !p.Key.StartsWith(p.Value, StringComparison.Ordinal)).Select(p => p.Value), StringComparer.Ordinal);

    /// <summary>
    /// Whether every word with this stem begins with it, so that a prefix of the stem is a prefix of each of its words:
    /// true but for stems ending in <c>y</c> (<c>studies</c> → <c>study</c>) and irregular singulars such as <c>index</c>.
    /// The search index reads such stems for prefixes and keeps only the other words for them.
    /// </summary>
    public static bool KeepsPrefix(string stem) => !stem.EndsWith('y') && !SingularsNotPrefixes.Contains(stem);

    public static string Stem(string term)
    {
        if (term.Length <= 3) return term;
        if (term[^1] != 's') return term[^1] is 'a' or 'n' or 'e' && Irregular.TryGetValue(term, out var plural) ? plural : term;
        if (!IsLetters(term)) return term;
        if (Irregular.TryGetValue(term, out var singular)) return singular;
        if (Invariant.Contains(term)) return term;
        if (term.EndsWith("ies", StringComparison.Ordinal) && term.Length > 4) return string.Concat(term.AsSpan(0, term.Length - 3), "y");
        if (term.EndsWith("sses", StringComparison.Ordinal) || term.EndsWith("xes", StringComparison.Ordinal)
            || term.EndsWith("ches", StringComparison.Ordinal) || term.EndsWith("shes", StringComparison.Ordinal))
            return term[..^2];
        if (term.EndsWith("ss", StringComparison.Ordinal) || term.EndsWith("us", StringComparison.Ordinal) || term.EndsWith("is", StringComparison.Ordinal))
            return term;
        return term[^1] == 's' ? term[..^1] : term;
    }

    private static bool IsLetters(string term)
    {
        foreach (var c in term)
            if (char.IsDigit(c)) return false;
        return true;
    }
}
