using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.Feeds;
using PaperBot.Sources.HuggingFace;

namespace PaperBot.Sources.Parsing;

/// <summary>The document parsers in detection order: the most specific first, generic feeds last.</summary>
public static class DocumentParsers
{
    /// <summary>How many leading bytes <see cref="IDocumentParser.CanParse"/> is given.</summary>
    public const int HeadLength = 4096;

    public static IReadOnlyList<IDocumentParser> All { get; } =
    [
        new HuggingFaceParser(),
        new ArxivAtomParser(),
        new ArxivRssParser(),
        new SyndicationFeedParser(PaperSources.File),
    ];

    public static IDocumentParser? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var parser in All)
            if (parser.CanParse(head)) return parser;
        return null;
    }
}
