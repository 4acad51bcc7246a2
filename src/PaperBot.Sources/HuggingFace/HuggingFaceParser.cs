using System.Globalization;
using System.Text.Json;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.HuggingFace;

/// <summary>Hugging Face Daily Papers JSON (<c>/api/daily_papers</c>): an array of items, each wrapping a <c>paper</c>.</summary>
public sealed class HuggingFaceParser : IDocumentParser
{
    public string Format => "hf-json";

    public bool CanParse(ReadOnlySpan<byte> head)
    {
        if (ContentSniffer.FirstSignificant(head) != '[') return false;
        var text = ContentSniffer.Text(head);
        return text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '[').TrimStart().StartsWith(']') || text.Contains("\"paper\"", StringComparison.Ordinal);
    }

    public ParseResult Parse(Stream stream)
    {
        if (!DocumentBytes.TryReadAll(stream, ParseLimits.MaxDocumentBytes, out var bytes, out var readError))
            return ParseResult.Failed(readError!);
        if (ContentSniffer.FirstSignificant(bytes.AsSpan(0, Math.Min(bytes.Length, DocumentParsers.HeadLength))) == '<')
            return ParseResult.Failed(ContentSniffer.LooksLikeHtml(bytes) ? "The document is an HTML page, not Hugging Face JSON (an error page?)." : "The document is XML, not Hugging Face JSON.");

        JsonDocument document;
        try
        {
            // System.Text.Json refuses a UTF-8 BOM; files saved by editors often carry one.
            var json = bytes.AsMemory(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return ParseResult.Failed($"Malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {Reason(e)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return ParseResult.Failed($"Expected a JSON array of daily papers, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");

            var papers = new List<Paper>();
            var rejected = new List<RejectedEntry>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var location = $"item {index.ToString(CultureInfo.InvariantCulture)}";
                index++;
                HfDailyItemDto? item;
                try
                {
                    item = element.Deserialize(HfJsonContext.Default.HfDailyItemDto);
                }
                catch (JsonException e)
                {
                    rejected.Add(new RejectedEntry(location, $"unexpected shape: {e.Message}"));
                    continue;
                }
                var (paper, reason) = HuggingFaceMapping.ToPaper(item);
                if (paper is null) rejected.Add(new RejectedEntry(item?.Paper?.Id is { } id ? $"{location} ({id})" : location, reason!));
                else papers.Add(paper);
            }
            return new ParseResult(papers, rejected);
        }
    }

    /// <summary>The message without its trailing position (already given) and on one line: it quotes the bad token,
    /// which may hold line breaks.</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var position = message.LastIndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position > 0) message = message[..position];
        return TextCleaner.OneLine(message);
    }
}
