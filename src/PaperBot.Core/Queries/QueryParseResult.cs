using System.Diagnostics.CodeAnalysis;

namespace PaperBot.Core.Queries;

/// <summary>What is wrong with a query: <see cref="Position"/> is the 0-based index of the offending character;
/// <see cref="Message"/> names it counting from 1 ("at character 15") and says what was expected.</summary>
public sealed record QueryError(int Position, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Either a <see cref="Query"/> or a <see cref="QueryError"/>: user mistakes are values, not exceptions.</summary>
public sealed record QueryParseResult(Query? Query, QueryError? Error)
{
    [MemberNotNullWhen(true, nameof(Query))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Query is not null;
}
