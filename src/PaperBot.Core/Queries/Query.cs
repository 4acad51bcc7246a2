namespace PaperBot.Core.Queries;

/// <summary>A valid query: the text the user wrote and its tree. Build one with <see cref="QueryParser.Parse"/>.</summary>
public sealed class Query
{
    internal Query(string text, QueryNode root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }
    public QueryNode Root { get; }

    public override string ToString() => Root.ToString();
}
