using PaperBot.Core.Ingestion;

namespace PaperBot.Sources.Parsing;

/// <summary>A pure parser of one document format: bytes in, papers and rejected entries out.
/// <see cref="Parse"/> never throws on bad input; it returns <see cref="ParseResult.Failed"/> or rejected entries.</summary>
public interface IDocumentParser
{
    /// <summary>A short name of the format, for messages (<c>hf-json</c>, <c>arxiv-atom</c>, …).</summary>
    string Format { get; }

    /// <summary>Whether the document's first bytes (at most 4 KB, possibly with a UTF-8 BOM) look like this format.</summary>
    bool CanParse(ReadOnlySpan<byte> head);

    ParseResult Parse(Stream stream);
}
