namespace PaperBot.Core.Queries;

/// <summary>Structural facts about a query tree shared by the parser and the matching engine.</summary>
public static class QueryShape
{
    /// <summary>
    /// True when every paper the node matches must contain at least one of its positive terms: a term does,
    /// NOT never does, AND needs one such child, OR needs all children to be such. A query without this property
    /// (<c>-survey</c>, <c>NOT (a OR b)</c>, <c>a OR -b</c>) would match almost every paper, so the parser rejects it,
    /// and the engine can always find a term to index the query by.
    /// </summary>
    public static bool RequiresATerm(QueryNode node) => node switch
    {
        NotNode => false,
        AndNode all => all.Children.Any(RequiresATerm),
        OrNode any => any.Children.All(RequiresATerm),
        _ => true,
    };
}
