using PaperBot.Core.Ingestion;

namespace PaperBot.Sources.Parsing;

/// <summary>Reads one document format into papers. Pure: a stream in, a result out, never an exception for bad input.</summary>
public interface IDocumentParser
{
    string Format { get; }

    /// <summary>Whether the first bytes (≤4 KB, possibly with a BOM) look like this format.</summary>
    bool CanParse(ReadOnlySpan<byte> head);

    ParseResult Parse(Stream stream);
}
