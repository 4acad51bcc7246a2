using PaperBot.Sources.TextDigest;

namespace PaperBot.Sources.Parsing;

/// <summary>Every file format <c>import</c> understands, in detection order; the plain-text digest is the fallback.</summary>
public static class DocumentParsers
{
    public static IReadOnlyList<IDocumentParser> All { get; } = [new TextDigestParser()];

    public static IDocumentParser? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var parser in All)
        {
            if (parser.CanParse(head)) return parser;
        }
        return null;
    }
}
