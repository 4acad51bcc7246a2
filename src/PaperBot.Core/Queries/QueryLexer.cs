namespace PaperBot.Core.Queries;

internal enum QueryTokenKind { Word, Phrase, Open, Close, Minus, Or, And, Not, Field, End }

/// <summary>One lexical token; <see cref="Text"/> is the raw word or phrase content, <see cref="Position"/> its 0-based index.</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Position, QueryField Field = QueryField.Any);

/// <summary>
/// Splits query text into tokens. Words run until whitespace, a parenthesis or a quote; <c>OR</c>, <c>AND</c>, <c>NOT</c>
/// are operators only in capitals; <c>-</c> negates when written right before what it excludes; <c>name:</c> is a field
/// when <c>name</c> is all letters (an unknown name is an error rather than a silent word).
/// </summary>
internal static class QueryLexer
{
    /// <summary>Fills <paramref name="tokens"/> (cleared first); returns the error of an unclosed quote or unknown field.</summary>
    public static QueryError? Tokenize(string text, List<QueryToken> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(':
                    tokens.Add(new(QueryTokenKind.Open, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new(QueryTokenKind.Close, ")", i++));
                    continue;
                case '"':
                    var close = text.IndexOf('"', i + 1);
                    if (close < 0) return new QueryError(i, $"unclosed quote at character {i + 1}: add the closing \"");
                    tokens.Add(new(QueryTokenKind.Phrase, text[(i + 1)..close], i));
                    i = close + 1;
                    continue;
                case '-' when i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] != ')':
                    tokens.Add(new(QueryTokenKind.Minus, "-", i++));
                    continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"')) i++;
            var word = text[start..i];
            var colon = word.IndexOf(':');
            if (colon > 0 && word.AsSpan(0, colon).ContainsAnyExcept(Letters))
                colon = -1;
            if (colon > 0)
            {
                if (!QueryFields.TryParse(word.AsSpan(0, colon), out var field))
                    return new QueryError(start, $"unknown field '{LeafBuilder.Quoted(word[..colon])}:' at character {start + 1}: use {QueryFields.Known}");
                tokens.Add(new(QueryTokenKind.Field, word[..(colon + 1)], start, field));
                i = start + colon + 1;
                continue;
            }
            tokens.Add(new(word switch
            {
                "OR" => QueryTokenKind.Or,
                "AND" => QueryTokenKind.And,
                "NOT" => QueryTokenKind.Not,
                _ => QueryTokenKind.Word,
            }, word, start));
        }
        tokens.Add(new(QueryTokenKind.End, "", text.Length));
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}
