namespace PaperBot.Core.Matching;

/// <summary>The kinds of indexed text; each has its own dictionary so a category never collides with a word.</summary>
internal enum AtomKind { Word, Prefix, AuthorWord, Category, Source }

/// <summary>
/// Interns every distinct string the subscriptions use as a small int (an atom), shared id space across kinds, so
/// programs and postings hold ints and a paper's words are looked up once each. Atoms are never freed: a removed
/// subscription leaves at most a few unused strings until the next full load.
/// </summary>
internal sealed class AtomTable
{
    /// <summary>Atom ids must fit the 23-bit operand of an <see cref="Instruction"/>.</summary>
    public const int MaxAtoms = 1 << 23;

    private readonly Dictionary<string, int>[] _byKind = [.. Enumerable.Range(0, 5).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly List<string> _text = [];

    public int Count => _text.Count;

    /// <summary>The longest prefix any subscription uses: paper words are probed only up to this length.</summary>
    public int MaxPrefixLength { get; private set; }

    public int Intern(AtomKind kind, string text)
    {
        var map = _byKind[(int)kind];
        if (map.TryGetValue(text, out var id)) return id;
        if (_text.Count >= MaxAtoms) throw new InvalidOperationException($"more than {MaxAtoms} distinct subscription terms");
        id = _text.Count;
        map.Add(text, id);
        _text.Add(text);
        if (kind == AtomKind.Prefix) MaxPrefixLength = Math.Max(MaxPrefixLength, text.Length);
        return id;
    }

    public int Find(AtomKind kind, string text) => _byKind[(int)kind].GetValueOrDefault(text, -1);

    public int FindPrefix(ReadOnlySpan<char> prefix) =>
        _byKind[(int)AtomKind.Prefix].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var id) ? id : -1;

    /// <summary>How many prefixes are interned; grows whenever a new one is, so caches can tell they are stale.</summary>
    public int PrefixCount => _byKind[(int)AtomKind.Prefix].Count;

    public string Text(int atom) => _text[atom];
}
