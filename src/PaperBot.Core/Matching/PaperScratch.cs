using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Matching;

/// <summary>
/// One worker's view of the paper being matched, reused paper after paper: which atoms it contains and in which fields
/// (stamp arrays indexed by atom, so nothing is cleared between papers), its title+abstract as a sequence of word atoms
/// with per-atom position chains for phrases, and its authors' words. Also the per-paper stamp that makes each
/// candidate subscription be verified once however many of its anchors the paper contains.
/// </summary>
internal sealed class PaperScratch
{
    private int[] _atomStamp = [];
    private byte[] _fieldMask = [];
    private int[] _head = [];
    private int[] _slotStamp = [];
    private int _stamp;
    private readonly List<int> _present = [];
    private int[] _sequence = new int[1024];
    private int[] _next = new int[1024];
    private int _length;
    private int _titleLength;
    private readonly List<List<string>> _authors = [];
    private readonly string[] _authorQuery = new string[QueryLimits.MaxLength];

    // Prefix atoms of each word seen, so a word repeated across papers is probed once, not once per prefix length.
    private readonly Dictionary<string, int[]> _prefixesOf = new(StringComparer.Ordinal);
    private int _prefixAtomsSeen;

    /// <summary>The slots matched for the current paper.</summary>
    public List<int> Matches { get; } = [];

    public List<int> PresentAtoms => _present;

    public void EnsureCapacity(int atoms, int slots)
    {
        if (_atomStamp.Length < atoms)
        {
            Array.Resize(ref _atomStamp, atoms);
            Array.Resize(ref _fieldMask, atoms);
            Array.Resize(ref _head, atoms);
        }
        if (_slotStamp.Length < slots) Array.Resize(ref _slotStamp, slots);
    }

    public void Load(Paper paper, AtomTable atoms)
    {
        NextStamp();
        _present.Clear();
        Matches.Clear();
        _authors.Clear();
        _length = 0;
        LoadText(paper.Title, Instruction.Title, atoms);
        _titleLength = _length;
        Append(-1); // a gap so no phrase runs from the title into the abstract
        LoadText(paper.Abstract, Instruction.Abstract, atoms);
        foreach (var author in paper.Authors)
        {
            var words = new List<string>();
            foreach (var token in TextAnalyzer.Analyze(author))
            {
                words.Add(token.Term);
                Mark(atoms.Find(AtomKind.AuthorWord, token.Term), Instruction.Author);
                MarkPrefixes(token.Term, Instruction.Author, atoms);
            }
            _authors.Add(words);
        }
        foreach (var category in paper.Categories)
            Mark(atoms.Find(AtomKind.Category, TextAnalyzer.FoldWord(category)), Instruction.Category);
        foreach (var source in paper.Sources)
            Mark(atoms.Find(AtomKind.Source, TextAnalyzer.FoldWord(source.Source)), Instruction.Source);
    }

    public int FieldsOf(int atom) => _fieldMask[atom];

    /// <summary>True the first time a slot is seen for this paper.</summary>
    public bool FirstVisit(int slot)
    {
        if (_slotStamp[slot] == _stamp) return false;
        _slotStamp[slot] = _stamp;
        return true;
    }

    public bool Has(int atom, int mask) => _atomStamp[atom] == _stamp && (_fieldMask[atom] & mask) != 0;

    public bool HasPhrase(ReadOnlySpan<int> words, int mask)
    {
        foreach (var word in words)
            if (!Has(word, mask)) return false;
        for (var p = _head[words[0]]; p >= 0; p = _next[p])
        {
            if (((p < _titleLength ? Instruction.Title : Instruction.Abstract) & mask) == 0) continue;
            var k = 1;
            while (k < words.Length && p + k < _length && _sequence[p + k] == words[k]) k++;
            if (k == words.Length) return true;
        }
        return false;
    }

    public bool HasAuthor(ReadOnlySpan<int> words, AtomTable atoms)
    {
        var query = _authorQuery.AsSpan(0, words.Length);
        for (var k = 0; k < words.Length; k++) query[k] = atoms.Text(words[k]);
        foreach (var author in _authors)
            if (AuthorNameRule.Matches(query, author)) return true;
        return false;
    }

    private void LoadText(string text, int field, AtomTable atoms)
    {
        foreach (var token in TextAnalyzer.Analyze(text))
        {
            var atom = atoms.Find(AtomKind.Word, token.Stem);
            var position = Append(atom);
            if (atom >= 0)
            {
                Mark(atom, field);
                _next[position] = _head[atom];
                _head[atom] = position;
            }
            MarkPrefixes(token.Term, field, atoms);
        }
    }

    private void MarkPrefixes(string term, int field, AtomTable atoms)
    {
        if (atoms.PrefixCount == 0) return;
        if (_prefixAtomsSeen != atoms.PrefixCount || _prefixesOf.Count > 100_000)
        {
            _prefixesOf.Clear();
            _prefixAtomsSeen = atoms.PrefixCount;
        }
        if (!_prefixesOf.TryGetValue(term, out var prefixes)) _prefixesOf[term] = prefixes = FindPrefixes(term, atoms);
        foreach (var prefix in prefixes) Mark(prefix, field);
    }

    private static int[] FindPrefixes(string term, AtomTable atoms)
    {
        List<int>? found = null;
        var longest = Math.Min(term.Length, atoms.MaxPrefixLength);
        for (var length = QueryLimits.MinPrefixLength; length <= longest; length++)
        {
            var atom = atoms.FindPrefix(term.AsSpan(0, length));
            if (atom >= 0) (found ??= []).Add(atom);
        }
        return found is null ? [] : [.. found];
    }

    private void Mark(int atom, int field)
    {
        if (atom < 0) return;
        if (_atomStamp[atom] != _stamp)
        {
            _atomStamp[atom] = _stamp;
            _fieldMask[atom] = 0;
            _head[atom] = -1;
            _present.Add(atom);
        }
        _fieldMask[atom] |= (byte)field;
    }

    private int Append(int atom)
    {
        if (_length == _sequence.Length)
        {
            Array.Resize(ref _sequence, _length * 2);
            Array.Resize(ref _next, _length * 2);
        }
        _sequence[_length] = atom;
        return _length++;
    }

    private void NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_atomStamp);
            Array.Clear(_slotStamp);
            _stamp = 0;
        }
        _stamp++;
    }
}
