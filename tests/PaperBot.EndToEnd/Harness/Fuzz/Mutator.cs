using System.Text;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>What a mutated document is, so that the hostile splices fit it (an entity trick means nothing in JSON).</summary>
public enum DocumentKind { Json, Xml, Text, Query }

/// <summary>A mutated input and the operators that made it, for the failure message and the replay.</summary>
public sealed record Mutant(string Operators, byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);
}

/// <summary>
/// Seeded mutations of a good document: byte flips, truncation, duplicated and deleted spans, huge values, deep
/// nesting, wrong types, invalid UTF-8 and, for XML, entity tricks (billion laughs, external entities). One to three
/// operators per input; the same seed gives the same inputs.
/// </summary>
public sealed class Mutator(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public Mutant Mutate(byte[] seed, DocumentKind kind)
    {
        var bytes = seed;
        var names = new List<string>();
        var rounds = 1 + _random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            var operators = Operators(kind);
            var (name, op) = operators[_random.Next(operators.Length)];
            bytes = op(bytes);
            names.Add(name);
        }
        return new Mutant(string.Join('+', names), bytes);
    }

    private (string, Func<byte[], byte[]>)[] Operators(DocumentKind kind) => kind switch
    {
        DocumentKind.Json => [.. Common, ("wrong-type", WrongJsonType), ("deep", b => Insert(b, Deep("[", "]"))), ("deep", b => Insert(b, Deep("{\"a\":", "}"))),
            ("splice", b => Insert(b, Pick(JsonSplices)))],
        DocumentKind.Xml => [.. Common, ("entity", Entity), ("deep", b => Insert(b, Deep("<a>", "</a>"))), ("splice", b => Insert(b, Pick(XmlSplices)))],
        DocumentKind.Query => [.. Small, ("splice", b => Insert(b, Pick(QuerySplices))), ("splice", b => Insert(b, Pick(QuerySplices))),
            ("deep", b => Insert(b, string.Concat(Enumerable.Repeat(Pick(["(", "NOT ", "-", "title:", "\"", "a OR "]), _random.Next(10, 400))))),
            ("near-limit", b => Insert(b, new string('q', Math.Max(0, _random.Next(950, 1_050) - b.Length)))), ("huge", Huge)],
        _ => [.. Common, ("splice", b => Insert(b, Pick(TextSplices))), ("long-line", b => Insert(b, Encoding.UTF8.GetBytes(new string('x', _random.Next(1_000, 300_000)))))],
    };

    private (string, Func<byte[], byte[]>)[] Common => [.. Small, ("huge", Huge)];

    private (string, Func<byte[], byte[]>)[] Small =>
    [
        ("flip", Flip), ("flip", Flip), ("truncate", Truncate), ("duplicate", Duplicate), ("delete", Delete), ("utf8", InvalidUtf8), ("swap", Swap),
    ];

    private byte[] Flip(byte[] b)
    {
        if (b.Length == 0) return b;
        var copy = (byte[])b.Clone();
        for (var i = 1 + _random.Next(8); i > 0; i--) copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] Truncate(byte[] b) => b.Length == 0 ? b : b[.._random.Next(b.Length)];

    private byte[] Duplicate(byte[] b)
    {
        if (b.Length == 0) return b;
        var (start, length) = Span(b.Length);
        var span = b.AsSpan(start, length).ToArray();
        var copies = _random.Next(4) == 0 ? 1 + _random.Next(200) : 1;
        return Insert(b, [.. Enumerable.Repeat(span, copies).SelectMany(x => x)]);
    }

    private byte[] Delete(byte[] b)
    {
        if (b.Length == 0) return b;
        var (start, length) = Span(b.Length);
        return [.. b.AsSpan(0, start), .. b.AsSpan(start + length)];
    }

    /// <summary>Two spans exchanged: elements out of order, a closing tag before its opening one.</summary>
    private byte[] Swap(byte[] b)
    {
        if (b.Length < 4) return b;
        var cut1 = _random.Next(b.Length);
        var cut2 = _random.Next(b.Length);
        var (lo, hi) = (Math.Min(cut1, cut2), Math.Max(cut1, cut2));
        return [.. b.AsSpan(hi), .. b.AsSpan(lo, hi - lo), .. b.AsSpan(0, lo)];
    }

    /// <summary>A value far larger than any real one: a long word, a long number, many spaces or many entities.</summary>
    private byte[] Huge(byte[] b)
    {
        var size = _random.Next(4) == 0 ? _random.Next(1_000_000, 3_000_000) : _random.Next(5_000, 100_000);
        var unit = Pick(["A", "9", " ", "é", "𝔸", "&amp;", "\\u0041", "a b ", "-", "\u202E"]);
        var text = new StringBuilder(size + unit.Length);
        while (text.Length < size) text.Append(unit);
        return Insert(b, Encoding.UTF8.GetBytes(text.ToString()));
    }

    private byte[] InvalidUtf8(byte[] b) => Insert(b, Pick<byte[]>(
    [
        [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80, 0x80, 0x80], [0xFE, 0xFF], [0x00], [0xEF, 0xBB, 0xBF],
    ]));

    private byte[] WrongJsonType(byte[] b)
    {
        // A value (after a colon) replaced by one of another type; the rest of the document stays well-formed.
        var colons = b.Select((c, i) => (c, i)).Where(x => x.c == (byte)':').Select(x => x.i).ToList();
        if (colons.Count == 0) return b;
        var start = colons[_random.Next(colons.Count)] + 1;
        var end = ValueEnd(b, start);
        var replacement = Pick(JsonValues);
        return [.. b.AsSpan(0, start), .. Encoding.UTF8.GetBytes(replacement), .. b.AsSpan(end)];
    }

    /// <summary>Where the JSON value starting at <paramref name="start"/> ends (roughly: strings, scalars and balanced brackets).</summary>
    private static int ValueEnd(byte[] b, int start)
    {
        var i = start;
        while (i < b.Length && b[i] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r') i++;
        if (i >= b.Length) return b.Length;
        var depth = 0;
        var inString = false;
        for (; i < b.Length; i++)
        {
            var c = b[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') { inString = false; if (depth == 0) return i + 1; }
                continue;
            }
            if (c == '"') inString = true;
            else if (c is (byte)'[' or (byte)'{') depth++;
            else if (c is (byte)']' or (byte)'}') { if (depth == 0) return i; if (--depth == 0) return i + 1; }
            else if (c == ',' && depth == 0) return i;
        }
        return b.Length;
    }

    private byte[] Entity(byte[] b) => _random.Next(3) switch
    {
        // A DTD after the declaration, where a parser that expands entities would meet it.
        0 => InsertAfterDeclaration(b, Pick(Dtds)),
        // A DTD far down the document, past any sniffing of the first kilobytes.
        1 => InsertAfterDeclaration(b, Encoding.UTF8.GetBytes("<!-- " + new string('p', 5000) + " -->" + Encoding.UTF8.GetString(Pick(Dtds)))),
        _ => Insert(b, Encoding.UTF8.GetBytes(Pick(["&lol9;", "&xxe;", "&#0;", "&#xD800;", "&#1114112;", "&undefined;", "&nbsp;", "&#x1F600;", "&amp;lt;script&amp;gt;", "&"]))),
    };

    private static byte[] InsertAfterDeclaration(byte[] b, byte[] dtd)
    {
        var end = b.AsSpan().IndexOf("?>"u8);
        var at = end < 0 ? 0 : end + 2;
        return [.. b.AsSpan(0, at), .. dtd, .. b.AsSpan(at)];
    }

    private byte[] Deep(string open, string close)
    {
        var depth = _random.Next(4) == 0 ? _random.Next(10_000, 100_000) : _random.Next(100, 2_000);
        var sb = new StringBuilder(depth * (open.Length + close.Length));
        for (var i = 0; i < depth; i++) sb.Append(open);
        if (_random.Next(2) == 0) for (var i = 0; i < depth; i++) sb.Append(close); // sometimes never closed
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private byte[] Insert(byte[] b, string text) => Insert(b, Encoding.UTF8.GetBytes(text));

    private byte[] Insert(byte[] b, byte[] what)
    {
        var at = _random.Next(b.Length + 1);
        return [.. b.AsSpan(0, at), .. what, .. b.AsSpan(at)];
    }

    private (int Start, int Length) Span(int total)
    {
        var start = _random.Next(total);
        var max = total - start;
        var length = 1 + _random.Next(Math.Min(max, _random.Next(2) == 0 ? 16 : 4096));
        return (start, Math.Min(length, max));
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static readonly string[] JsonValues =
    [
        "null", "true", "0", "-1", "1e309", "-0", "1.5", "99999999999999999999999999", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"paper\":null}",
        "[1,2,3]", "\"\\u0000\"", "\"\\ud800\"", "\"2026-13-45T99:99:99Z\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01\"", "{\"id\":[]}", "NaN",
    ];

    private static readonly string[] JsonSplices =
    [
        "\"", "\\", "\\u", ",", ",,", "]", "}", "[", "{", ":", "/*", "//", "\u0000", "\"\\ud800\"", "NaN", "Infinity", "1e309", "\uFEFF",
        "\"paper\":{\"id\":\"2601.99999\",\"title\":{}}", "\"id\":\"../../etc/passwd\"", "\"upvotes\":-2147483649", "\"authors\":\"not a list\"",
    ];

    private static readonly string[] XmlSplices =
    [
        "<", ">", "</", "/>", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "</rss>", "</feed>", "<item>", "<entry>", "\"", "'",
        "xmlns:x=\"", "<x:y>", "<link href=\"javascript:alert(1)\"/>", "<link>file:///etc/passwd</link>", "<id>http://arxiv.org/abs/../../x</id>",
        "<pubDate>Mon, 99 Foo 99999 99:99:99 +9999</pubDate>", "<title></title>", "<!DOCTYPE rss>", "\uFEFF", "\u0001", "&#x1;", "<html>",
    ];

    private static readonly string[] TextSplices =
    [
        "\r", "\r\n\r\n", "\n\n\n\n", "\0", "\t", "\u2028", "\u202E", "\uFEFF", "<", "[", "{", "\u00A0\u00A0", "Abstract:", "arXiv:2601.00001",
        "https://arxiv.org/abs/2601.00001", "\u0301\u0301\u0301\u0301", "🧪",
    ];

    private static readonly string[] QuerySplices =
    [
        "(", ")", "\"", "*", "-", " NOT ", " OR ", " AND ", ":", "title:", "ti:", "au:", "author:", "cat:", "category:", "source:", "abs:", "nosuch:",
        "a*", "*a", "**", "-(", "\"\"", "()", " ", "\t", "\u00A0", "\u200B", "é", "ß", "İ", "\u0301", "𝔸", "🧪", "\u202E", "\0", "\r\n", "<script>", "'", "\\",
        "cs.LG", "2601.10001", "%", "&", "=", "+", "#", "@everyone",
    ];

    private static readonly byte[][] Dtds =
    [
        Encoding.UTF8.GetBytes("""
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
            """),
        Encoding.UTF8.GetBytes("""<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"""),
        Encoding.UTF8.GetBytes("""<!DOCTYPE foo [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>"""),
        Encoding.UTF8.GetBytes("""<!DOCTYPE foo SYSTEM "http://127.0.0.1:1/feed.dtd">"""),
        Encoding.UTF8.GetBytes("""<!doctype foo [<!entity xxe SYSTEM "file:///etc/hostname">]>"""),
    ];
}
