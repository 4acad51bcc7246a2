namespace PaperBot.Core.Matching;

/// <summary>
/// Picks the posting keys (atom × field slot) a program is filed under: a paper can only match if it contains one of
/// them. A leaf anchors itself; NOT never anchors; OR needs every branch anchored (the parser guarantees it); AND takes
/// its cheapest anchored child, preferring long words (rarer) over short ones, prefixes, authors and, last, categories
/// and sources (which many papers share). Deterministic, so removal finds exactly the keys that addition used.
/// </summary>
internal static class AnchorSelector
{
    public static void Select(ReadOnlySpan<int> code, AtomTable atoms, List<int> keys)
    {
        if (Anchor(code, 0, atoms, keys) is null)
            throw new InvalidOperationException("a subscription without a positive term cannot be indexed");
    }

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
                return AnchorCheapest(code, pc, atoms, keys);
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

    private static int? AnchorCheapest(ReadOnlySpan<int> code, int pc, AtomTable atoms, List<int> keys)
    {
        var mark = keys.Count;
        int? best = null;
        var bestChild = -1;
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
