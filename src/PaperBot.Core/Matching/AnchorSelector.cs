namespace PaperBot.Core.Matching;

/// <summary>
/// Picks the posting keys (atom × field slot) a program is filed under: a paper can only match if it contains one of
/// them. A leaf anchors itself; NOT never anchors; OR needs every branch anchored (the parser guarantees it); AND takes
/// its cheapest anchored child, preferring long words (rarer) over short ones, prefixes, authors and, last, categories
/// and sources (which many papers share). Deterministic, so removal finds exactly the keys that addition used.
/// <para>
/// It also picks a pre-filter stored beside each posting: one more (atom, fields) the paper must contain for the
/// program to match — a sibling term of the anchored AND child, or another word of an anchored phrase. Most candidates
/// fail it, and checking it costs one lookup instead of running the program.
/// </para>
/// </summary>
internal static class AnchorSelector
{
    /// <summary>No pre-filter: the program must run.</summary>
    public const int NoFilter = -1;

    /// <summary>Appends the program's posting keys and returns its pre-filter (atom | fields &lt;&lt; 23) or <see cref="NoFilter"/>.</summary>
    public static int Select(ReadOnlySpan<int> code, AtomTable atoms, List<int> keys)
    {
        var root = code[0];
        if (Instruction.OpOf(root) == Op.And)
        {
            var chosen = AnchorCheapest(code, 0, atoms, keys, out var anchoredChild);
            if (chosen is null) throw NotIndexable();
            return SiblingFilter(code, anchoredChild);
        }
        if (Anchor(code, 0, atoms, keys) is null) throw NotIndexable();
        return Instruction.OpOf(root) == Op.Phrase ? PhraseFilter(code, 0, keys[^1] / 4) : NoFilter;
    }

    private static InvalidOperationException NotIndexable() => new("a subscription without a positive term cannot be indexed");

    // The first plain term or phrase word among the root AND's other children.
    private static int SiblingFilter(ReadOnlySpan<int> code, int anchoredChild)
    {
        var end = 1 + Instruction.OperandOf(code[0]);
        for (var child = 1; child < end; child = Instruction.Skip(code, child))
        {
            if (child == anchoredChild) continue;
            var instruction = code[child];
            switch (Instruction.OpOf(instruction))
            {
                case Op.Word or Op.Prefix or Op.Exact:
                    return Filter(Instruction.OperandOf(instruction), Instruction.MaskOf(instruction));
                case Op.Phrase:
                    return Filter(code[child + 1], Instruction.MaskOf(instruction));
            }
        }
        return NoFilter;
    }

    private static int PhraseFilter(ReadOnlySpan<int> code, int pc, int anchorAtom)
    {
        var count = Instruction.OperandOf(code[pc]);
        for (var k = 1; k <= count; k++)
            if (code[pc + k] != anchorAtom) return Filter(code[pc + k], Instruction.MaskOf(code[pc]));
        return NoFilter;
    }

    private static int Filter(int atom, int mask) => atom | (mask << 23);

    // Appends the node's keys and returns their cost, or returns null (appending nothing) when it cannot anchor.
    private static int? Anchor(ReadOnlySpan<int> code, int pc, AtomTable atoms, List<int> keys)
    {
        var instruction = code[pc];
        var operand = Instruction.OperandOf(instruction);
        var mask = Instruction.MaskOf(instruction);
        switch (Instruction.OpOf(instruction))
        {
            case Op.Word:
                return Add(keys, operand, mask, 20 - Math.Min(atoms.Text(operand).Length, 12));
            case Op.Prefix:
                return Add(keys, operand, mask, 30 - Math.Min(atoms.Text(operand).Length, 12));
            case Op.Exact:
                return Add(keys, operand, mask, 50);
            case Op.Author:
                return Add(keys, code[pc + operand], mask, 5);
            case Op.Phrase:
                var longest = code[pc + 1];
                for (var k = 2; k <= operand; k++)
                    if (atoms.Text(code[pc + k]).Length > atoms.Text(longest).Length) longest = code[pc + k];
                return Add(keys, longest, mask, 15 - Math.Min(atoms.Text(longest).Length, 12));
            case Op.Or:
                return AnchorAll(code, pc, atoms, keys);
            case Op.And:
                return AnchorCheapest(code, pc, atoms, keys, out _);
            default:
                return null;
        }
    }

    private static int? AnchorAll(ReadOnlySpan<int> code, int pc, AtomTable atoms, List<int> keys)
    {
        var mark = keys.Count;
        var total = 0;
        var end = pc + 1 + Instruction.OperandOf(code[pc]);
        for (var child = pc + 1; child < end; child = Instruction.Skip(code, child))
        {
            var cost = Anchor(code, child, atoms, keys);
            if (cost is null)
            {
                keys.RemoveRange(mark, keys.Count - mark);
                return null;
            }
            total += cost.Value;
        }
        return total;
    }

    private static int? AnchorCheapest(ReadOnlySpan<int> code, int pc, AtomTable atoms, List<int> keys, out int bestChild)
    {
        var mark = keys.Count;
        int? best = null;
        bestChild = -1;
        var end = pc + 1 + Instruction.OperandOf(code[pc]);
        for (var child = pc + 1; child < end; child = Instruction.Skip(code, child))
        {
            var cost = Anchor(code, child, atoms, keys);
            keys.RemoveRange(mark, keys.Count - mark);
            if (cost is not null && (best is null || cost < best)) (best, bestChild) = (cost, child);
        }
        return best is null ? null : Anchor(code, bestChild, atoms, keys);
    }

    private static int Add(List<int> keys, int atom, int mask, int cost)
    {
        keys.Add(atom * 4 + Instruction.SlotOf(mask));
        return cost;
    }
}
