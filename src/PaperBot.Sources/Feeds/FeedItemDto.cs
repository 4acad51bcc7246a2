namespace PaperBot.Sources.Feeds;

/// <summary>One entry of any RSS (0.90–2.01, 1.0/RDF) or Atom (0.3, 1.0) feed, as the wire gives it.</summary>
internal sealed record FeedItemDto
{
    /// <summary>Where the entry starts in the document, for messages.</summary>
    public int Line { get; init; }

    /// <summary>The guid, Atom id or RDF <c>rdf:about</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Candidate links, the entry's own page first; any scheme, possibly relative to <see cref="Base"/>.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    public Uri? Base { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }

    /// <summary>The full text (<c>content:encoded</c>, Atom <c>content</c>): the abstract when there is no summary.</summary>
    public string? Content { get; init; }

    /// <summary>Names given one per element (Atom <c>author</c>, RSS <c>author</c>).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary><c>dc:creator</c> values; publishers put one name or a whole list ("A, B and C") in each.</summary>
    public IReadOnlyList<string> Creators { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Published { get; init; }
    public string? Updated { get; init; }
    public string? Doi { get; init; }
}
