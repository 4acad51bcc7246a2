using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;
using static PaperBot.Sources.Arxiv.ArxivXml;

namespace PaperBot.Sources.Arxiv;

/// <summary>
/// The arXiv API's Atom (<c>export.arxiv.org/api/query</c>). arXiv reports errors with status 200: a feed whose only
/// entry is titled <c>Error</c> (its summary says what), or a plain <c>Rate exceeded.</c> body when throttling.
/// Both are failures here, never empty successes.
/// </summary>
public sealed class ArxivAtomParser : IDocumentParser
{
    public string Format => "arxiv-atom";

    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = ContentSniffer.Text(head);
        // The error feed declares no arxiv: namespace, but its links point at the API.
        return ContentSniffer.HasXmlRoot(text, "feed") && text.Contains("opensearch", StringComparison.OrdinalIgnoreCase)
            && (text.Contains(ArxivNamespaceText, StringComparison.Ordinal) || text.Contains("arxiv.org/api", StringComparison.OrdinalIgnoreCase));
    }

    public ParseResult Parse(Stream stream) => ParsePage(stream).Result;

    public ArxivAtomPage ParsePage(Stream stream)
    {
        if (!DocumentBytes.TryReadAll(stream, ParseLimits.MaxDocumentBytes, out var bytes, out var readError))
            return ArxivAtomPage.Failed(readError!);
        if (IsRateExceeded(bytes)) return ArxivAtomPage.Failed("arXiv is throttling requests: \"Rate exceeded.\"") with { Throttled = true };
        if (!SafeXml.TryLoad(bytes, out var document, out var xmlError)) return ArxivAtomPage.Failed(xmlError!);

        var feed = document.Root;
        if (feed is null || feed.Name != Atom + "feed") return ArxivAtomPage.Failed("The document is not an Atom feed.");

        var entries = feed.Elements(Atom + "entry").Select(ReadEntry).ToArray();
        if (entries.Length == 1 && IsErrorEntry(entries[0]))
            return ArxivAtomPage.Failed($"arXiv API error: {TextCleaner.Clean(entries[0].Summary)}");

        var papers = new List<Paper>();
        var rejected = new List<RejectedEntry>();
        for (var i = 0; i < entries.Length; i++)
        {
            var (paper, reason) = ArxivApiMapping.ToPaper(entries[i]);
            if (paper is null) rejected.Add(new RejectedEntry(Location(i, entries[i].Id), reason!));
            else papers.Add(paper);
        }
        return new ArxivAtomPage(new ParseResult(papers, rejected),
            feed.Int(OpenSearch + "totalResults"), feed.Int(OpenSearch + "startIndex"), feed.Int(OpenSearch + "itemsPerPage"));
    }

    private static bool IsRateExceeded(byte[] bytes) =>
        bytes.Length < 200 && Encoding.UTF8.GetString(bytes).Trim().StartsWith("Rate exceeded", StringComparison.OrdinalIgnoreCase);

    private static bool IsErrorEntry(ArxivEntryDto e) =>
        e.Id?.Contains("arxiv.org/api/errors", StringComparison.OrdinalIgnoreCase) == true
        || string.Equals(e.Title?.Trim(), "Error", StringComparison.Ordinal);

    private static string Location(int index, string? id) =>
        $"entry {index.ToString(CultureInfo.InvariantCulture)}" + (string.IsNullOrWhiteSpace(id) ? "" : $" ({id.Trim()})");

    private static ArxivEntryDto ReadEntry(XElement e) => new(
        Id: e.Text(Atom + "id"),
        Title: e.Text(Atom + "title"),
        Summary: e.Text(Atom + "summary"),
        Published: e.Text(Atom + "published"),
        Updated: e.Text(Atom + "updated"),
        Authors: [.. e.Elements(Atom + "author").Select(a => a.Text(Atom + "name") ?? "")],
        PrimaryCategory: e.Element(ArxivNs + "primary_category")?.Attribute("term")?.Value,
        Categories: [.. e.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value ?? "")],
        Comment: e.Text(ArxivNs + "comment"),
        JournalRef: e.Text(ArxivNs + "journal_ref"),
        Doi: e.Text(ArxivNs + "doi"));
}
