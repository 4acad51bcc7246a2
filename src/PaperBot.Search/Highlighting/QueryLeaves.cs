using PaperBot.Core.Queries;

namespace PaperBot.Search.Highlighting;

/// <summary>The words a query looks for in a text field, per field: only leaves a match can have found (not under NOT).</summary>
internal sealed class QueryLeaves
{
    private readonly List<(QueryField Field, IReadOnlyList<string> Stems)> _phrases = [];
    private readonly List<(QueryField Field, string Prefix)> _prefixes = [];

    public QueryLeaves(QueryNode root) => Collect(root);

    /// <summary>Marks the tokens of <paramref name="tokens"/> that the query's leaves for <paramref name="field"/> match.</summary>
    public bool[] Mark(IReadOnlyList<TextToken> tokens, QueryField field)
    {
        var marked = new bool[tokens.Count];
        foreach (var (leafField, stems) in _phrases)
        {
            if (!Applies(leafField, field)) continue;
            for (var start = 0; start + stems.Count <= tokens.Count; start++)
            {
                var k = 0;
                while (k < stems.Count && tokens[start + k].Stem == stems[k]) k++;
                if (k < stems.Count) continue;
                for (k = 0; k < stems.Count; k++) marked[start + k] = true;
            }
        }
        foreach (var (leafField, prefix) in _prefixes)
        {
            if (!Applies(leafField, field)) continue;
            for (var i = 0; i < tokens.Count; i++) marked[i] |= tokens[i].Term.StartsWith(prefix, StringComparison.Ordinal);
        }
        return marked;
    }

    private static bool Applies(QueryField leaf, QueryField field) => leaf == QueryField.Any || leaf == field;

    private void Collect(QueryNode node)
    {
        switch (node)
        {
            case AndNode all: foreach (var child in all.Children) Collect(child); break;
            case OrNode any: foreach (var child in any.Children) Collect(child); break;
            case NotNode: break;
            case TermNode { Field: QueryField.Any or QueryField.Title or QueryField.Abstract } term: _phrases.Add((term.Field, [term.Term])); break;
            case PhraseNode { Field: QueryField.Any or QueryField.Title or QueryField.Abstract } phrase: _phrases.Add((phrase.Field, phrase.Terms)); break;
            case PrefixNode { Field: QueryField.Any or QueryField.Title or QueryField.Abstract } prefix: _prefixes.Add((prefix.Field, prefix.Prefix)); break;
        }
    }
}
