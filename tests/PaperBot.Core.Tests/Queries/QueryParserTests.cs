using PaperBot.Core.Queries;

namespace PaperBot.Core.Tests.Queries;

public class QueryParserTests
{
    private static string Parsed(string text)
    {
        var result = QueryParser.Parse(text);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Query.ToString();
    }

    private static QueryError Error(string text)
    {
        var result = QueryParser.Parse(text);
        Assert.False(result.IsSuccess, $"'{text}' parsed as {result.Query}");
        return result.Error;
    }

    [Theory]
    [InlineData("diffusion", "diffusion")]
    [InlineData("Diffusion Models", "(diffusion AND model)")]
    [InlineData("diffusion AND models", "(diffusion AND model)")]
    [InlineData("vision OR speech recognition", "(vision OR (speech AND recognition))")]
    [InlineData("(vision OR speech) recognition", "((vision OR speech) AND recognition)")]
    [InlineData("a (b c)", "(a AND b AND c)")]
    [InlineData("a OR (b OR c)", "(a OR b OR c)")]
    [InlineData("\"Image Editing\"", "\"image editing\"")]
    [InlineData("few-shot", "\"few shot\"")]
    [InlineData("diffus*", "diffus*")]
    [InlineData("-survey diffusion", "(-survey AND diffusion)")]
    [InlineData("diffusion NOT survey", "(diffusion AND -survey)")]
    [InlineData("diffusion -(survey OR review)", "(diffusion AND -(survey OR review))")]
    [InlineData("title:(llm OR agents) -survey", "((title:llm OR title:agent) AND -survey)")]
    [InlineData("ti:\"world models\"", "title:\"world model\"")]
    [InlineData("abs:retrieval", "abstract:retrieval")]
    [InlineData("title:(a abs:b)", "(title:a AND abstract:b)")]
    [InlineData("au:\"G Hinton\"", "author:\"g hinton\"")]
    [InlineData("author:Hinton", "author:\"hinton\"")]
    [InlineData("au:hin*", "author:hin*")]
    [InlineData("cat:cs.LG", "category:cs.lg")]
    [InlineData("category:\"stat.ML\"", "category:stat.ml")]
    [InlineData("source:HuggingFace agents", "(source:huggingface AND agent)")]
    [InlineData("Title:TÜLU", "title:tulu")]
    [InlineData("or and not", "(or AND and AND not)")]
    public void Valid_queries_parse_to_their_canonical_form(string text, string expected) => Assert.Equal(expected, Parsed(text));

    [Theory]
    [InlineData("\"image editing", 0, "unclosed quote at character 1")]
    [InlineData("diffusion \"image", 10, "unclosed quote at character 11")]
    [InlineData("diffusion NOT", 10, "NOT at character 11 needs a term")]
    [InlineData("diffusion -", 10, "'-' at character 11 must be written right before the word it excludes")]
    [InlineData("diffusion - survey", 10, "'-' at character 11 must be written right before")]
    [InlineData("(diffusion", 0, "'(' at character 1 is never closed: expected ')'")]
    [InlineData("diffusion)", 9, "')' at character 10 has no matching '('")]
    [InlineData("a ( )", 2, "empty parentheses at character 3")]
    [InlineData("OR diffusion", 0, "OR at character 1 needs a term on both sides")]
    [InlineData("diffusion OR", 10, "OR at character 11 needs a term on both sides")]
    [InlineData("a OR OR b", 2, "OR at character 3 needs a term on both sides")]
    [InlineData("AND b", 0, "AND at character 1 needs a term on both sides")]
    [InlineData("foo:bar", 0, "unknown field 'foo:' at character 1")]
    [InlineData("llm title:", 4, "title: at character 5 needs a term, phrase or group")]
    [InlineData("title:-survey", 0, "title: at character 1 needs a term, phrase or group")]
    [InlineData("a*", 0, "needs at least 2 letters before '*'")]
    [InlineData("x dif*fusion", 2, "'*' is only allowed at the end of a word")]
    [InlineData("few-sh*", 0, "a prefix must be one word")]
    [InlineData("cat:cs.*", 4, "needs an exact name such as cs.LG")]
    [InlineData("cat:\"cs LG\"", 4, "takes one name")]
    [InlineData("llm \"\"", 4, "empty phrase at character 5")]
    [InlineData("llm !!!", 4, "'!!!' at character 5 has no letters or digits")]
    public void Malformed_queries_report_the_position_and_what_was_expected(string text, int position, string message)
    {
        var error = Error(text);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-survey")]
    [InlineData("NOT survey")]
    [InlineData("NOT (a OR b)")]
    [InlineData("-a -b")]
    [InlineData("a OR -b")]
    public void A_query_that_only_excludes_is_rejected_with_an_explanation(string text) =>
        Assert.Contains("only excludes words", Error(text).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_query_is_rejected(string text) => Assert.Contains("empty", Error(text).Message, StringComparison.Ordinal);

    [Fact]
    public void A_query_longer_than_the_limit_is_rejected()
    {
        var error = Error(string.Join(' ', Enumerable.Repeat("diffusion", 120)));
        Assert.Contains($"the limit is {QueryLimits.MaxLength}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_with_too_many_terms_is_rejected_at_the_first_term_over_the_limit()
    {
        var text = string.Join(' ', Enumerable.Range(0, QueryLimits.MaxTerms + 1).Select(i => $"w{i}"));
        var error = Error(text);
        Assert.Contains($"more than {QueryLimits.MaxTerms} terms", error.Message, StringComparison.Ordinal);
        Assert.Equal(text.IndexOf($"w{QueryLimits.MaxTerms}", StringComparison.Ordinal), error.Position);
    }

    [Fact]
    public void Nesting_up_to_the_limit_parses_and_one_more_level_is_rejected()
    {
        var depth = QueryLimits.MaxDepth;
        Assert.Equal("llm", Parsed(new string('(', depth) + "llm" + new string(')', depth)));
        var error = Error(new string('(', depth + 1) + "llm" + new string(')', depth + 1));
        Assert.Equal(depth, error.Position);
        Assert.Contains($"nests more than {depth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chained_negations_count_towards_the_depth_limit() =>
        Assert.Contains("nests more than", Error("llm " + string.Concat(Enumerable.Repeat("NOT ", 40)) + "survey").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(999)]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Deeply_nested_input_gives_an_error_not_a_crash(int parentheses)
    {
        Assert.False(QueryParser.Parse(new string('(', parentheses)).IsSuccess);
        Assert.False(QueryParser.Parse(string.Concat(Enumerable.Repeat("-", parentheses)) + "x").IsSuccess);
    }

    [Theory]
    [InlineData("diffu*", 'q', "")]
    [InlineData("", 'q', ": robots")]
    [InlineData("graph ", '%', "")]
    [InlineData("diff", 'q', "-net*")]
    [InlineData("cat:", '%', "")]
    public void An_error_about_a_huge_word_quotes_only_its_start(string before, char filler, string after)
    {
        // Found by the end-to-end fuzzing: the whole word made a message of a thousand characters.
        var error = QueryParser.Parse(before + new string(filler, 300) + after).Error;
        Assert.NotNull(error);
        Assert.InRange(error.Message.Length, 20, 200);
        Assert.Contains("…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_query_keeps_the_text_the_user_wrote() =>
        Assert.Equal("Diffusion  -survey", QueryParser.Parse("Diffusion  -survey").Query!.Text);
}
