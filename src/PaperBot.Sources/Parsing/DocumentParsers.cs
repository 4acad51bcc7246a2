using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;
using PaperBot.Sources.TextDigest;

namespace PaperBot.Sources.Parsing;

/// <summary>Every file format <c>import</c> understands, in detection order: the most specific first, generic feeds
/// next, the plain-text digest last (the fallback).</summary>
public static class DocumentParsers
{
    /// <summary>How many leading bytes <see cref="IDocumentParser.CanParse"/> is given.</summary>
    public const int HeadLength = 4096;

    public static IReadOnlyList<IDocumentParser> All { get; } =
    [
        new HuggingFaceParser(),
        new ArxivAtomParser(),
        new ArxivRssParser(),
        new SyndicationFeedParser(),
        new TextDigestParser(),
    ];

    public static IDocumentParser? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var parser in All)
        {
            if (parser.CanParse(head)) return parser;
        }
        return null;
    }
}
