namespace PaperBot.Core.Papers;

/// <summary>The well-known source names (interface.md §2); configured feeds use their own <c>Name</c>.</summary>
public static class PaperSources
{
    public const string HuggingFace = "huggingface";
    public const string Arxiv = "arxiv";
    public const string ArxivRss = "arxiv-rss";
    public const string File = "file";

    /// <summary>
    /// How far a source's bibliographic fields are trusted when two disagree: arXiv's own metadata first,
    /// then Hugging Face (which copies arXiv), then other feeds, then plain-text digests (title and abstract only).
    /// </summary>
    public static int Authority(string source) => source switch
    {
        Arxiv => 40,
        ArxivRss => 30,
        HuggingFace => 20,
        File => 0,
        _ => 10,
    };
}
