using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Core.Matching;

/// <summary>
/// Reverse search over many subscriptions. Each query is compiled to a few ints (<see cref="Instruction"/>) and filed
/// under its anchor terms (<see cref="AnchorSelector"/>); a paper is tokenised once, its terms pull candidate
/// subscriptions from the postings, and only candidates are verified. Thread-safe: a batch holds the index read-only
/// (parallel over papers); <see cref="Add"/> and <see cref="Remove"/> wait for it.
/// </summary>
public sealed partial class SubscriptionIndex
{
    private readonly Lock _gate = new();
    private readonly AtomTable _atoms = new();
    private readonly PostingLists _postings = new();
    private Dictionary<string, int> _slotById;
    private readonly Stack<int> _freeSlots = new();
    private readonly List<int> _compiled = [];
    private readonly List<int> _keys = [];
    private readonly List<int> _removalKeys = [];
    private readonly ConcurrentBag<PaperScratch> _scratch = [];
    private string?[] _ids;
    private string?[] _texts;
    private int[] _start;
    private int _slots;
    private int[] _code;
    private int _codeLength;
    private int _deadCode;

    public SubscriptionIndex(int capacity = 16)
        : this(capacity, new Dictionary<string, int>(capacity, StringComparer.Ordinal))
    {
    }

    private SubscriptionIndex(int capacity, Dictionary<string, int> slotById)
    {
        capacity = Math.Max(capacity, 1);
        _slotById = slotById;
        _ids = new string?[capacity];
        _texts = new string?[capacity];
        _start = new int[capacity];
        _code = new int[capacity * 4];
    }

    public int Count
    {
        get { lock (_gate) return _slotById.Count; }
    }

    /// <summary>Adds a subscription, replacing any with the same id.</summary>
    public void Add(string subscriptionId, Query query)
    {
        lock (_gate)
        {
            _compiled.Clear();
            QueryCompiler.Compile(query.Root, _atoms, _compiled);
            _keys.Clear();
            var filter = AnchorSelector.Select(CollectionsMarshal.AsSpan(_compiled), _atoms, _keys);
            AddCompiled(subscriptionId, query.Text, CollectionsMarshal.AsSpan(_compiled), CollectionsMarshal.AsSpan(_keys), filter);
        }
    }

    /// <summary>Removes a subscription; false when the index does not hold it.</summary>
    public bool Remove(string subscriptionId)
    {
        lock (_gate) return RemoveLocked(subscriptionId);
    }

    /// <summary>The query texts these subscriptions were added with, for explaining their matches (null: removed meanwhile).</summary>
    public string?[] QueryTexts(IReadOnlyList<string> subscriptionIds)
    {
        var texts = new string?[subscriptionIds.Count];
        lock (_gate)
        {
            for (var k = 0; k < texts.Length; k++)
                texts[k] = _slotById.TryGetValue(subscriptionIds[k], out var slot) ? _texts[slot] : null;
        }
        return texts;
    }

    /// <summary>The ids of the subscriptions matching one paper, on the calling thread.</summary>
    public IReadOnlyList<string> Match(Paper paper)
    {
        lock (_gate)
        {
            var scratch = RentScratch();
            var ids = MatchOne(paper, scratch);
            _scratch.Add(scratch);
            return ids;
        }
    }

    /// <summary>The ids of the subscriptions matching each paper (same order), papers matched in parallel.</summary>
    public IReadOnlyList<string>[] Match(IReadOnlyList<Paper> papers)
    {
        var results = new IReadOnlyList<string>[papers.Count];
        lock (_gate)
        {
            Parallel.For(0, papers.Count, MatchingThreads.Options, RentScratch, (i, _, scratch) =>
            {
                results[i] = MatchOne(papers[i], scratch);
                return scratch;
            }, _scratch.Add);
        }
        return results;
    }

    private string[] MatchOne(Paper paper, PaperScratch scratch)
    {
        scratch.Load(paper, _atoms);
        var code = _code.AsSpan(0, _codeLength);
        foreach (var atom in scratch.PresentAtoms)
        {
            var fields = scratch.FieldsOf(atom);
            if ((fields & Instruction.Text) != 0) Verify(atom * 4, code, scratch);
            if ((fields & Instruction.Title) != 0) Verify(atom * 4 + 1, code, scratch);
            if ((fields & Instruction.Abstract) != 0) Verify(atom * 4 + 2, code, scratch);
            if ((fields & ~Instruction.Text) != 0) Verify(atom * 4 + 3, code, scratch);
        }
        var ids = new string[scratch.Matches.Count];
        for (var k = 0; k < ids.Length; k++) ids[k] = _ids[scratch.Matches[k]]!;
        return ids;
    }

    private void Verify(int key, ReadOnlySpan<int> code, PaperScratch scratch)
    {
        var postings = _postings.Get(key);
        for (var i = 0; i < postings.Length; i += 2)
        {
            var slot = postings[i];
            if (slot < 0)
            {
                scratch.Matches.Add(slot & int.MaxValue);
                continue;
            }
            var filter = postings[i + 1];
            if (filter != AnchorSelector.NoFilter && !scratch.Has(Instruction.OperandOf(filter), Instruction.MaskOf(filter))) continue;
            if (!scratch.FirstVisit(slot)) continue;
            var pc = _start[slot];
            if (ProgramVerifier.Matches(code, ref pc, scratch, _atoms)) scratch.Matches.Add(slot);
        }
    }

    private PaperScratch RentScratch()
    {
        var scratch = _scratch.TryTake(out var s) ? s : new PaperScratch();
        scratch.EnsureCapacity(_atoms.Count, _slots);
        return scratch;
    }

    private bool RemoveLocked(string subscriptionId)
    {
        if (!_slotById.Remove(subscriptionId, out var slot)) return false;
        Unindex(slot);
        return true;
    }

    // Takes a slot out of the postings and frees it; the caller updates the id map.
    private void Unindex(int slot)
    {
        var start = _start[slot];
        var end = Instruction.Skip(_code, start);
        var program = _code.AsSpan(start, end - start);
        _removalKeys.Clear();
        AnchorSelector.Select(program, _atoms, _removalKeys);
        var posting = Posting(slot, program);
        foreach (var key in _removalKeys) _postings.Remove(key, posting);
        _ids[slot] = null;
        _texts[slot] = null;
        _freeSlots.Push(slot);
        _deadCode += end - start;
        if (_deadCode > 4096 && _deadCode > _codeLength / 2) CompactCode();
    }

    private void AddCompiled(string subscriptionId, string text, ReadOnlySpan<int> program, ReadOnlySpan<int> keys, int filter)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slotById, subscriptionId, out var replacing);
        if (replacing) Unindex(slot);
        slot = Place(subscriptionId, text, program, keys, filter);
    }

    // Stores the program in a free slot and files its postings; the caller maps the id to the slot.
    private int Place(string subscriptionId, string text, ReadOnlySpan<int> program, ReadOnlySpan<int> keys, int filter)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        _ids[slot] = subscriptionId;
        _texts[slot] = text;
        _start[slot] = AppendCode(program);
        var posting = Posting(slot, program);
        foreach (var key in keys) _postings.Add(key, posting, filter);
        return slot;
    }

    // A one-instruction program matches whenever its anchor's posting list is walked (the list's field slot is the
    // instruction's field), so its posting is flagged (sign bit) and the match needs no verification at all.
    private static int Posting(int slot, ReadOnlySpan<int> program) =>
        program.Length == 1 && Instruction.OpOf(program[0]) is Op.Word or Op.Prefix or Op.Exact ? slot | int.MinValue : slot;

    private int NewSlot()
    {
        if (_slots == _ids.Length)
        {
            var size = _slots * 2;
            Array.Resize(ref _ids, size);
            Array.Resize(ref _texts, size);
            Array.Resize(ref _start, size);
        }
        return _slots++;
    }

    private int AppendCode(ReadOnlySpan<int> program)
    {
        if (_codeLength + program.Length > _code.Length)
            Array.Resize(ref _code, Math.Max(_code.Length * 2, _codeLength + program.Length));
        program.CopyTo(_code.AsSpan(_codeLength));
        _codeLength += program.Length;
        return _codeLength - program.Length;
    }

    // Removed programs leave holes; copy the live ones down once holes are half the array.
    private void CompactCode()
    {
        var compacted = new int[Math.Max(16, (_codeLength - _deadCode) * 2)];
        var length = 0;
        for (var slot = 0; slot < _slots; slot++)
        {
            if (_ids[slot] is null) continue;
            var start = _start[slot];
            var size = Instruction.Skip(_code, start) - start;
            Array.Copy(_code, start, compacted, length, size);
            _start[slot] = length;
            length += size;
        }
        _code = compacted;
        _codeLength = length;
        _deadCode = 0;
    }
}
