namespace PaperBot.Core.Queries;

/// <summary>Bounds that keep one query cheap to parse, store and match.</summary>
public static class QueryLimits
{
    public const int MaxLength = 1000;

    /// <summary>Words, phrases, prefixes, categories and sources together.</summary>
    public const int MaxTerms = 64;

    /// <summary>Nested parentheses and NOT/- operators; checked before recursing, so deep input cannot overflow the stack.</summary>
    public const int MaxDepth = 16;

    /// <summary>Letters before <c>*</c>: shorter prefixes would match nearly every paper.</summary>
    public const int MinPrefixLength = 2;
}
