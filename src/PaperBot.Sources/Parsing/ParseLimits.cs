namespace PaperBot.Sources.Parsing;

/// <summary>Caps that keep a hostile or broken document from exhausting memory or flooding the store.</summary>
public static class ParseLimits
{
    /// <summary>Largest document a parser reads (and the default HTTP response cap).</summary>
    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>Longer titles are not titles (a broken feed pasted a body there): the entry is rejected.</summary>
    public const int MaxTitleLength = 1_000;

    /// <summary>Longer categories are not categories ("cs.CV", "Computer Vision and Pattern Recognition"): dropped.</summary>
    public const int MaxCategoryLength = 200;

    /// <summary>Abstracts are cut here; real ones stay under 2,000 characters.</summary>
    public const int MaxAbstractLength = 20_000;
}
