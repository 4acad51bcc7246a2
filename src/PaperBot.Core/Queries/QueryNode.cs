namespace PaperBot.Core.Queries;

/// <summary>
/// The parsed query. Leaves hold folded text: stems for title/abstract words, folded words for authors,
/// folded whole tokens for categories and sources. <see cref="object.ToString"/> gives a canonical form (used in tests).
/// </summary>
public abstract record QueryNode;

/// <summary>One word (a stem) in title/abstract, or an exact category or source name.</summary>
public sealed record TermNode(QueryField Field, string Term) : QueryNode
{
    public override string ToString() => Prefix(Field) + Term;

    internal static string Prefix(QueryField field) => field == QueryField.Any ? "" : QueryFields.Name(field) + ":";
}

/// <summary>Words at consecutive positions (title/abstract), or an author name (<see cref="QueryField.Author"/>, even one word).</summary>
public sealed record PhraseNode(QueryField Field, IReadOnlyList<string> Terms) : QueryNode
{
    public override string ToString() => TermNode.Prefix(Field) + "\"" + string.Join(' ', Terms) + "\"";
}

/// <summary>Any word starting with <see cref="Prefix"/> (folded, not stemmed).</summary>
public sealed record PrefixNode(QueryField Field, string Prefix) : QueryNode
{
    public override string ToString() => TermNode.Prefix(Field) + Prefix + "*";
}

public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public override string ToString() => "(" + string.Join(" AND ", Children) + ")";
}

public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode
{
    public override string ToString() => "(" + string.Join(" OR ", Children) + ")";
}

public sealed record NotNode(QueryNode Child) : QueryNode
{
    public override string ToString() => "-" + Child;
}
