namespace PaperBot.Core.Queries;

/// <summary>
/// Parses the query language (docs/query-language.md) by recursive descent:
/// <code>
/// query   := or END
/// or      := and ("OR" and)*
/// and     := unary (["AND"] unary)*          (juxtaposition is AND)
/// unary   := ("-" | "NOT") unary | fielded
/// fielded := FIELD ":" primary | primary
/// primary := WORD | WORD"*" | "\"" phrase "\"" | "(" or ")"
/// </code>
/// Never throws for bad input and never builds a regex from it; limits come from <see cref="QueryLimits"/>.
/// </summary>
public static class QueryParser
{
    public static QueryParseResult Parse(string? text)
    {
        text ??= "";
        if (text.Length > QueryLimits.MaxLength)
            return Fail(QueryLimits.MaxLength, $"the query is {text.Length} characters long; the limit is {QueryLimits.MaxLength}");
        if (string.IsNullOrWhiteSpace(text))
            return Fail(0, "the query is empty: write a word to look for, e.g. diffusion");

        // One token list per thread, reused: parsing a million stored queries at start-up should not allocate a million.
        var tokens = t_tokens ??= new List<QueryToken>(64);
        var lexError = QueryLexer.Tokenize(text, tokens);
        if (lexError is not null) return new QueryParseResult(null, lexError);

        var parser = new Parser(tokens);
        var root = parser.ParseQuery();
        if (root is null) return new QueryParseResult(null, parser.Error);
        if (!QueryShape.RequiresATerm(root))
            return Fail(0, "the query only excludes words (NOT / -, or an OR side that only excludes): add a word to look for, e.g. diffusion -survey");
        return new QueryParseResult(new Query(text, root), null);
    }

    [ThreadStatic]
    private static List<QueryToken>? t_tokens;

    private static QueryParseResult Fail(int position, string message) => new(null, new QueryError(position, message));

    private sealed class Parser(List<QueryToken> tokens)
    {
        private int _next;
        private int _terms;

        public QueryError? Error { get; private set; }

        private QueryToken Peek => tokens[_next];

        public QueryNode? ParseQuery()
        {
            var root = ParseOr(0, QueryField.Any);
            if (root is null) return null;
            return Peek.Kind == QueryTokenKind.Close
                ? Fail(Peek.Position, $"')' at character {Peek.Position + 1} has no matching '('")
                : root;
        }

        private QueryNode? ParseOr(int depth, QueryField field)
        {
            var first = ParseAnd(depth, field);
            if (first is null) return null;
            List<QueryNode>? children = null;
            while (Peek.Kind == QueryTokenKind.Or)
            {
                var or = tokens[_next++];
                if (Peek.Kind is QueryTokenKind.End or QueryTokenKind.Close or QueryTokenKind.Or or QueryTokenKind.And)
                    return Fail(or.Position, $"OR at character {or.Position + 1} needs a term on both sides");
                var next = ParseAnd(depth, field);
                if (next is null) return null;
                children ??= first is OrNode left ? [.. left.Children] : [first];
                if (next is OrNode right) children.AddRange(right.Children);
                else children.Add(next);
            }
            return children is null ? first : new OrNode(children);
        }

        private QueryNode? ParseAnd(int depth, QueryField field)
        {
            // Most groups hold one term: the list is only made for a second one.
            QueryNode? first = null;
            List<QueryNode>? children = null;
            void Add(QueryNode node)
            {
                if (first is null) first = node;
                else (children ??= [first]).Add(node);
            }

            while (Peek.Kind is not (QueryTokenKind.End or QueryTokenKind.Close or QueryTokenKind.Or))
            {
                if (Peek.Kind == QueryTokenKind.And)
                {
                    var and = tokens[_next++];
                    if (first is null || Peek.Kind is QueryTokenKind.End or QueryTokenKind.Close or QueryTokenKind.Or or QueryTokenKind.And)
                        return Fail(and.Position, $"AND at character {and.Position + 1} needs a term on both sides");
                    continue;
                }
                var node = ParseUnary(depth, field);
                if (node is null) return null;
                if (node is AndNode nested)
                    foreach (var child in nested.Children) Add(child);
                else Add(node);
            }
            if (first is null)
            {
                var at = Peek;
                return at.Kind switch
                {
                    QueryTokenKind.Or => Fail(at.Position, $"OR at character {at.Position + 1} needs a term on both sides"),
                    QueryTokenKind.Close when _next > 0 && tokens[_next - 1].Kind == QueryTokenKind.Open =>
                        Fail(tokens[_next - 1].Position, $"empty parentheses at character {tokens[_next - 1].Position + 1}: put a term inside"),
                    QueryTokenKind.Close => Fail(at.Position, $"')' at character {at.Position + 1} has no matching '('"),
                    _ => Fail(at.Position, $"expected a term at character {at.Position + 1}"),
                };
            }
            return children is null ? first : new AndNode(children);
        }

        private QueryNode? ParseUnary(int depth, QueryField field)
        {
            var op = Peek;
            if (op.Kind is not (QueryTokenKind.Minus or QueryTokenKind.Not)) return ParseFielded(depth, field);
            _next++;
            var name = op.Kind == QueryTokenKind.Not ? "NOT" : "'-'";
            if (Peek.Kind is QueryTokenKind.End or QueryTokenKind.Close or QueryTokenKind.Or or QueryTokenKind.And)
                return Fail(op.Position, $"{name} at character {op.Position + 1} needs a term, phrase or group after it");
            if (depth + 1 > QueryLimits.MaxDepth) return TooDeep(op);
            var child = ParseUnary(depth + 1, field);
            return child is null ? null : new NotNode(child);
        }

        private QueryNode? ParseFielded(int depth, QueryField field)
        {
            if (Peek.Kind != QueryTokenKind.Field) return ParsePrimary(depth, field);
            var named = tokens[_next++];
            if (Peek.Kind is not (QueryTokenKind.Word or QueryTokenKind.Phrase or QueryTokenKind.Open))
                return Fail(named.Position, $"{named.Text} at character {named.Position + 1} needs a term, phrase or group right after it");
            return ParsePrimary(depth, named.Field);
        }

        private QueryNode? ParsePrimary(int depth, QueryField field)
        {
            var token = tokens[_next++];
            switch (token.Kind)
            {
                case QueryTokenKind.Word:
                    return Count(token, LeafBuilder.FromWord(token, field));
                case QueryTokenKind.Phrase:
                    return Count(token, LeafBuilder.FromPhrase(token, field));
                case QueryTokenKind.Open:
                    if (depth + 1 > QueryLimits.MaxDepth) return TooDeep(token);
                    var inner = ParseOr(depth + 1, field);
                    if (inner is null) return null;
                    if (Peek.Kind != QueryTokenKind.Close)
                        return Fail(token.Position, $"'(' at character {token.Position + 1} is never closed: expected ')'");
                    _next++;
                    return inner;
                default:
                    return Fail(token.Position, $"expected a term, phrase or group at character {token.Position + 1}");
            }
        }

        private QueryNode? Count(QueryToken token, (QueryNode? Node, QueryError? Error) leaf)
        {
            if (leaf.Error is not null)
            {
                Error = leaf.Error;
                return null;
            }
            return ++_terms > QueryLimits.MaxTerms
                ? Fail(token.Position, $"the query has more than {QueryLimits.MaxTerms} terms (at character {token.Position + 1}); split it into several subscriptions")
                : leaf.Node;
        }

        private QueryNode? TooDeep(QueryToken token) =>
            Fail(token.Position, $"the query nests more than {QueryLimits.MaxDepth} levels deep (parentheses and NOT) at character {token.Position + 1}");

        private QueryNode? Fail(int position, string message)
        {
            Error = new QueryError(position, message);
            return null;
        }
    }
}
