using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PaperBot.Testing.Http;

namespace PaperBot.EndToEnd.Harness;

/// <summary>Which source publishes a paper. An arXiv paper is listed by all three arXiv-fed sources: the arXiv API,
/// the arXiv RSS announcement and Hugging Face's daily papers (as on the real day, the same paper three times).</summary>
public enum ShelfSource { HuggingFace, Journal, Arxiv }

/// <summary>A paper a fixture source publishes, with the topic words it carries (the only words queries use).</summary>
public sealed record ShelfPaper(int Serial, ShelfSource Source, string Title, string Abstract, IReadOnlySet<string> Topics)
{
    public string ArxivId => "2601." + (10000 + Serial).ToString(CultureInfo.InvariantCulture);

    public string Link => Source != ShelfSource.Journal
        ? "https://arxiv.org/abs/" + ArxivId
        : "https://journal.example.org/articles/" + Serial.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// What the loopback sources publish right now: Hugging Face's daily papers JSON at <c>/api/daily_papers</c>, an
/// RSS 2.0 journal feed at <c>/feeds/journal.xml</c>, the arXiv API's Atom at <c>/api/query</c> (paged by
/// <c>start</c> and <c>max_results</c>) and arXiv's RSS announcement at <c>/rss/cs.AI</c>. Tests add papers as the
/// day goes on; every poll sees the current shelf, newest first, as the real sources do.
/// </summary>
public sealed class PaperShelf
{
    public const string JournalPath = "/feeds/journal.xml";
    public const string ArxivApiPath = "/api/query";
    public const string ArxivRssPath = "/rss/cs.AI";
    public static readonly IReadOnlyList<string> TopicWords = ["diffusion", "robotics", "transformer", "graph"];

    // No filler word contains, or is a form of, a topic word.
    public static IReadOnlyList<string> FillerWords => Filler;

    private static readonly string[] Filler =
    [
        "efficient", "scalable", "adaptive", "sparse", "robust", "optimal", "learning", "method", "analysis", "benchmark",
        "networks", "data", "models", "evaluation", "towards", "training", "inference", "reasoning", "vision", "language",
        "memory", "search", "policy", "signal", "kernel", "sampling", "alignment", "retrieval", "planning", "compression",
    ];

    private readonly Lock _lock = new();
    private readonly List<ShelfPaper> _published = [];
    private readonly Random _random;
    private int _serial;

    public PaperShelf(int seed) => _random = new Random(seed);

    /// <summary>How many of the newest papers each poll lists (a real day page is about 100; the load test's has 2,000).</summary>
    public int Window { get; set; } = 100;

    public IReadOnlyList<ShelfPaper> Published
    {
        get { lock (_lock) return [.. _published]; }
    }

    /// <summary>Makes <paramref name="count"/> papers with random topics (none, one or two) and publishes them.</summary>
    public IReadOnlyList<ShelfPaper> PublishRandom(int count, ShelfSource source)
    {
        var papers = new List<ShelfPaper>();
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                var topics = TopicWords.Where(_ => _random.NextDouble() < 0.35).Take(2).ToHashSet(StringComparer.Ordinal);
                var serial = ++_serial;
                var words = Enumerable.Range(0, 3).Select(_ => Filler[_random.Next(Filler.Length)]).ToList();
                var title = $"E2E paper {serial}: {Capital(words[0])} {string.Join(" ", topics)} {words[1]} {words[2]}".Replace("  ", " ", StringComparison.Ordinal);
                var abstractText = $"We study {Filler[_random.Next(Filler.Length)]} {string.Join(" and ", topics.DefaultIfEmpty("problems"))} with {Filler[_random.Next(Filler.Length)]} {Filler[_random.Next(Filler.Length)]}.";
                papers.Add(new ShelfPaper(serial, source, title, abstractText, topics));
            }
            _published.AddRange(papers);
        }
        return papers;
    }

    /// <summary>Publishes "E2E paper N: <paramref name="headline"/>" with this abstract (hostile text, for instance).</summary>
    public ShelfPaper Publish(ShelfSource source, string headline, string abstractText, params string[] topics)
    {
        lock (_lock)
        {
            var serial = ++_serial;
            var paper = new ShelfPaper(serial, source, $"E2E paper {serial}: {headline}", abstractText, topics.ToHashSet(StringComparer.Ordinal));
            _published.Add(paper);
            return paper;
        }
    }

    /// <summary>Serves the shelf from <paramref name="server"/>; <paramref name="down"/> makes a source answer 503.</summary>
    public void ServeFrom(FixtureHttpServer server, Func<ShelfSource, bool>? down = null)
    {
        server.On("/api/daily_papers", _ => down?.Invoke(ShelfSource.HuggingFace) == true ? FixtureResponse.Code(503) : HuggingFaceJson());
        server.On(JournalPath, _ => down?.Invoke(ShelfSource.Journal) == true ? FixtureResponse.Code(503) : JournalRss());
        server.On(ArxivApiPath, r => down?.Invoke(ShelfSource.Arxiv) == true ? FixtureResponse.Code(503) : ArxivAtom(r.Query));
        server.On(ArxivRssPath, _ => down?.Invoke(ShelfSource.Arxiv) == true ? FixtureResponse.Code(503) : ArxivRss());
    }

    /// <summary>The configuration that polls the two arXiv sources from <paramref name="server"/> (off by default: the
    /// API's three-second spacing slows every poll).</summary>
    public static void EnableArxiv(IDictionary<string, string> env, FixtureHttpServer server)
    {
        var baseUrl = server.BaseUri.ToString();
        env["PAPERBOT_Sources__Arxiv__Enabled"] = "true";
        env["PAPERBOT_Sources__Arxiv__BaseUrl"] = baseUrl;
        env["PAPERBOT_Sources__Arxiv__Categories__0"] = "cs.AI";
        env["PAPERBOT_Sources__Arxiv__Schedule"] = "0/5 * * * * ?";
        env["PAPERBOT_Sources__Arxiv__PageSize"] = "4";
        env["PAPERBOT_Sources__ArxivRss__Enabled"] = "true";
        env["PAPERBOT_Sources__ArxivRss__BaseUrl"] = baseUrl;
        env["PAPERBOT_Sources__ArxivRss__Categories__0"] = "cs.AI";
        env["PAPERBOT_Sources__ArxivRss__Schedule"] = "3/5 * * * * ?";
    }

    private IEnumerable<ShelfPaper> Listed(ShelfSource source) =>
        Published.Where(p => p.Source == source || source == ShelfSource.HuggingFace && p.Source == ShelfSource.Arxiv).Reverse().Take(Window);

    internal FixtureResponse HuggingFaceJson()
    {
        var items = new JsonArray();
        foreach (var p in Listed(ShelfSource.HuggingFace))
        {
            var day = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            items.Add(new JsonObject
            {
                ["paper"] = new JsonObject
                {
                    ["id"] = p.ArxivId,
                    ["title"] = p.Title,
                    ["summary"] = p.Abstract,
                    ["authors"] = new JsonArray(new JsonObject { ["name"] = "Ada Lovelace", ["hidden"] = false }),
                    ["upvotes"] = p.Serial % 17,
                    ["publishedAt"] = day,
                    ["submittedOnDailyAt"] = day,
                },
                ["title"] = p.Title,
                ["summary"] = p.Abstract,
                ["publishedAt"] = day,
            });
        }
        return FixtureResponse.Text(items.ToJsonString(), "application/json; charset=utf-8");
    }

    internal FixtureResponse JournalRss()
    {
        var channel = new XElement("channel",
            new XElement("title", "E2E Journal"),
            new XElement("link", "https://journal.example.org/"),
            new XElement("description", "Papers for the end-to-end tests"));
        foreach (var p in Listed(ShelfSource.Journal))
        {
            channel.Add(new XElement("item",
                new XElement("title", p.Title),
                new XElement("link", p.Link),
                new XElement("guid", p.Link),
                new XElement("description", p.Abstract),
                new XElement("pubDate", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture))));
        }
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"), channel));
        return FixtureResponse.Bytes(Encoding.UTF8.GetBytes(xml.Declaration + "\n" + xml.Root), "application/rss+xml; charset=utf-8");
    }

    /// <summary>One page of the arXiv API's answer, newest submission first, with OpenSearch's paging fields.</summary>
    internal FixtureResponse ArxivAtom(string query)
    {
        var arguments = System.Web.HttpUtility.ParseQueryString(query);
        var start = int.TryParse(arguments["start"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var size = int.TryParse(arguments["max_results"], CultureInfo.InvariantCulture, out var m) ? m : 10;
        var all = Listed(ShelfSource.Arxiv).ToList();
        var feed = new XElement(AtomNs + "feed",
            new XAttribute(XNamespace.Xmlns + "opensearch", OpenSearch.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "arxiv", ArxivNs.NamespaceName),
            new XElement(AtomNs + "title", "arXiv Query: " + query),
            new XElement(OpenSearch + "itemsPerPage", size),
            new XElement(OpenSearch + "totalResults", all.Count),
            new XElement(OpenSearch + "startIndex", start));
        var day = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        foreach (var p in all.Skip(start).Take(size))
        {
            feed.Add(new XElement(AtomNs + "entry",
                new XElement(AtomNs + "id", $"http://arxiv.org/abs/{p.ArxivId}v1"),
                new XElement(AtomNs + "title", p.Title),
                new XElement(AtomNs + "summary", p.Abstract),
                new XElement(AtomNs + "published", day),
                new XElement(AtomNs + "updated", day),
                new XElement(AtomNs + "author", new XElement(AtomNs + "name", "Ada Lovelace")),
                new XElement(AtomNs + "category", new XAttribute("term", "cs.AI")),
                new XElement(ArxivNs + "primary_category", new XAttribute("term", "cs.AI"))));
        }
        return FixtureResponse.Bytes(Encoding.UTF8.GetBytes(new XDeclaration("1.0", "utf-8", null) + "\n" + feed), "application/atom+xml; charset=utf-8");
    }

    /// <summary>Today's announcement: every arXiv paper on the shelf, as a new submission.</summary>
    internal FixtureResponse ArxivRss()
    {
        var channel = new XElement("channel",
            new XElement("title", "cs.AI updates on arXiv.org"),
            new XElement("link", "http://rss.arxiv.org/rss/cs.AI"),
            new XElement("description", "cs.AI updates on the arXiv.org e-print archive."));
        foreach (var p in Listed(ShelfSource.Arxiv))
        {
            channel.Add(new XElement("item",
                new XElement("title", p.Title),
                new XElement("link", p.Link),
                new XElement("description", $"arXiv:{p.ArxivId}v1 Announce Type: new \nAbstract: {p.Abstract}"),
                new XElement("guid", new XAttribute("isPermaLink", "false"), $"oai:arXiv.org:{p.ArxivId}v1"),
                new XElement("category", "cs.AI"),
                new XElement("pubDate", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture)),
                new XElement(ArxivNs + "announce_type", "new"),
                new XElement(Dc + "creator", "Ada Lovelace")));
        }
        var rss = new XElement("rss", new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "arxiv", ArxivNs.NamespaceName), new XAttribute(XNamespace.Xmlns + "dc", Dc.NamespaceName), channel);
        return FixtureResponse.Bytes(Encoding.UTF8.GetBytes(new XDeclaration("1.0", "utf-8", null) + "\n" + rss), "application/rss+xml; charset=utf-8");
    }

    private static readonly XNamespace AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";
    private static readonly XNamespace ArxivNs = "http://arxiv.org/schemas/atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
