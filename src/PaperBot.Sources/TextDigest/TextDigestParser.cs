using System.Text;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.TextDigest;

/// <summary>
/// The plain-text capture of a daily-papers page: a short header (site chrome, a date line), then for each paper
/// a title line, a blank line and the abstract paragraph. Titles are short single lines and abstracts long
/// paragraphs; the header is the run of short paragraphs before the first title+abstract pair.
/// Papers carry no id in this format, so each is keyed by its normalised title (<see cref="PaperId.FromTitle"/>).
/// </summary>
public sealed class TextDigestParser : IDocumentParser
{
    public const int MaxTitleLength = 1_000;
    public const int MinAbstractLength = 100;
    public const int MaxAbstractLength = 20_000;

    public string Format => "text-digest";

    /// <summary>Any text that is not markup: this is the fallback format, tried last.</summary>
    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith(Encoding.UTF8.Preamble) ? head[3..] : head;
        var first = text.TrimStart(" \t\r\n"u8);
        return !first.IsEmpty && first[0] is not (byte)'<' and not (byte)'{' and not (byte)'[' && !text.Contains((byte)0);
    }

    public ParseResult Parse(Stream stream)
    {
        string text;
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            return ParseResult.Failed("not a text file (invalid UTF-8; binary data?)");
        }
        if (text.Contains('\0', StringComparison.Ordinal)) return ParseResult.Failed("not a text file (contains NUL bytes; binary data?)");
        if (string.IsNullOrWhiteSpace(text)) return ParseResult.Failed("the file is empty");

        var paragraphs = Paragraphs(text);
        var papers = new List<Paper>();
        var rejected = new List<RejectedEntry>();
        var inHeader = true;

        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var next = i + 1 < paragraphs.Count ? paragraphs[i + 1] : null;
            var nextIsAbstract = next is not null && LooksLikeAbstract(next.Text);

            if (inHeader && !nextIsAbstract && p.Text.Length <= MaxTitleLength) continue; // site chrome, date line
            inHeader = false;

            if (next is null)
            {
                rejected.Add(new($"line {p.Line}", $"'{Shorten(p.Text)}' has no abstract after it (truncated file?)"));
                break;
            }
            if (!nextIsAbstract && next.Text.Length <= MaxTitleLength && StartsPaper(paragraphs, i + 1))
            {
                // A title followed by the next paper's title: this entry lost its abstract; keep the next one.
                rejected.Add(new($"line {p.Line}", $"'{Shorten(p.Text)}' has no abstract after it"));
                continue;
            }
            i++; // the pair is consumed whatever happens to it
            if (p.Text.Contains('\n', StringComparison.Ordinal))
                rejected.Add(new($"line {p.Line}", "a title must be a single line; is the title/blank line/abstract layout broken here?"));
            else if (p.Text.Length > MaxTitleLength)
                rejected.Add(new($"line {p.Line}", $"title is {p.Text.Length:N0} characters long (at most {MaxTitleLength:N0})"));
            else if (!nextIsAbstract)
                rejected.Add(new($"line {next.Line}", next.Text.Length > MaxAbstractLength
                    ? $"abstract of '{Shorten(p.Text)}' is {next.Text.Length:N0} characters long (at most {MaxAbstractLength:N0})"
                    : $"abstract of '{Shorten(p.Text)}' is too short to be one ({next.Text.Length} characters)"));
            else
                papers.Add(ToPaper(p.Text, next.Text));
        }

        if (papers.Count == 0 && rejected.Count == 0)
            return ParseResult.Failed("no papers found (expected: title line, blank line, abstract paragraph, repeated)");
        return new ParseResult(papers, rejected);
    }

    private static Paper ToPaper(string title, string abstractText)
    {
        var cleanTitle = Whitespace(title);
        return new Paper { Id = PaperId.FromTitle(cleanTitle), Title = cleanTitle, Abstract = Whitespace(abstractText) };
    }

    private static bool StartsPaper(List<Paragraph> paragraphs, int i) =>
        i + 1 < paragraphs.Count && paragraphs[i].Text.Length <= MaxTitleLength && LooksLikeAbstract(paragraphs[i + 1].Text);

    /// <summary>An abstract is prose: long, or at least two sentences. A long title (100+ characters) is neither.</summary>
    private static bool LooksLikeAbstract(string text) =>
        text.Length <= MaxAbstractLength && (text.Length >= 2 * MinAbstractLength || text.Length >= MinAbstractLength && Sentences(text) >= 2);

    private static int Sentences(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' && (i == text.Length - 1 || char.IsWhiteSpace(text[i + 1]))) count++;
        }
        return count;
    }

    private sealed record Paragraph(int Line, string Text);

    private static List<Paragraph> Paragraphs(string text)
    {
        var result = new List<Paragraph>();
        var current = new StringBuilder();
        var start = 0;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (current.Length == 0) start = lineNo;
            else current.Append('\n');
            current.Append(line);
        }
        Flush();
        return result;

        void Flush()
        {
            if (current.Length > 0) result.Add(new Paragraph(start, current.ToString()));
            current.Clear();
        }
    }

    private static string Whitespace(string s) => string.Join(' ', s.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    // One line, however the file broke: a message quoting it stays one line (found by the E2E fuzzing).
    private static string Shorten(string s) => s.ReplaceLineEndings(" ") is var line && line.Length <= 60 ? line : Utf16Text.Cut(line, 57) + "…";
}
