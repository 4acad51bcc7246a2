using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Parsing;

namespace PaperBot.Sources.Feeds;

/// <summary>
/// Any RSS 2.0 or Atom 1.0 feed (journals, blogs), read with System.ServiceModel.Syndication.
/// <paramref name="sourceName"/> is the configured feed's name (or <c>file</c> for imports); it names the source in messages.
/// </summary>
public sealed class SyndicationFeedParser(string sourceName) : IDocumentParser
{
    public string SourceName { get; } = sourceName;

    public string Format => "feed";

    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = ContentSniffer.Text(head);
        return ContentSniffer.HasXmlRoot(text, "rss") || ContentSniffer.HasXmlRoot(text, "feed");
    }

    public ParseResult Parse(Stream stream)
    {
        if (!DocumentBytes.TryReadAll(stream, ParseLimits.MaxDocumentBytes, out var bytes, out var readError))
            return ParseResult.Failed(readError!);

        SyndicationFeed feed;
        try
        {
            using var reader = SafeXml.TryOpen(bytes, out var refusal);
            if (reader is null) return ParseResult.Failed(refusal!);
            if (Load(reader) is not { } loaded) return ParseResult.Failed($"{SourceName}: the document is neither RSS 2.0 nor Atom 1.0.");
            feed = loaded;
        }
        catch (XmlException e)
        {
            return ParseResult.Failed($"{SourceName}: {SafeXml.Describe(e)}");
        }

        var papers = new List<Paper>();
        var rejected = new List<RejectedEntry>();
        var index = 0;
        foreach (var item in feed.Items)
        {
            var location = $"item {index.ToString(CultureInfo.InvariantCulture)}";
            index++;
            var (paper, reason) = SyndicationMapping.ToPaper(item);
            if (paper is null) rejected.Add(new RejectedEntry(item.Id is { Length: > 0 } id ? $"{location} ({id})" : location, reason!));
            else papers.Add(paper);
        }
        return new ParseResult(papers, rejected);
    }

    private static SyndicationFeed? Load(XmlReader reader)
    {
        SyndicationFeedFormatter[] formatters = [new Rss20FeedFormatter(), new Atom10FeedFormatter()];
        foreach (var formatter in formatters)
        {
            // An unreadable date costs the entry its date, not the whole feed.
            formatter.DateTimeParser = TryParseDate;
            if (!formatter.CanRead(reader)) continue;
            formatter.ReadFrom(reader);
            return formatter.Feed;
        }
        return null;
    }

    private static bool TryParseDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        date = EntryRules.ParseDate(data.DateTimeString) ?? DateTimeOffset.MinValue;
        return true;
    }
}
