namespace PaperBot.Core.Matching;

/// <summary>Verification operations of a compiled subscription program.</summary>
internal enum Op
{
    /// <summary>A word (stem) in the fields of the mask.</summary>
    Word = 1,
    /// <summary>A word starting with the prefix atom, in the fields of the mask.</summary>
    Prefix,
    /// <summary>A category or source atom (the mask says which).</summary>
    Exact,
    /// <summary>The next operand-count word atoms at consecutive positions, within one field of the mask.</summary>
    Phrase,
    /// <summary>The next operand-count author-word atoms match one author (<see cref="Queries.AuthorNameRule"/>).</summary>
    Author,
    /// <summary>All of the nodes in the next operand ints.</summary>
    And,
    /// <summary>Any of the nodes in the next operand ints.</summary>
    Or,
    /// <summary>Not the next node.</summary>
    Not,
}

/// <summary>
/// One int per instruction: op in bits 28–31, field mask in bits 23–27, operand (atom, count or body length) in bits 0–22.
/// A typical subscription compiles to 1–8 ints, which is what keeps the index near 60 bytes per subscription.
/// </summary>
internal static class Instruction
{
    public const int Title = 1, Abstract = 2, Author = 4, Category = 8, Source = 16;
    public const int Text = Title | Abstract;
    public const int MaxOperand = (1 << 23) - 1;

    public static int Pack(Op op, int mask, int operand) => (int)(((uint)op << 28) | ((uint)mask << 23) | (uint)operand);

    public static Op OpOf(int instruction) => (Op)((uint)instruction >> 28);

    public static int MaskOf(int instruction) => (instruction >> 23) & 0x1F;

    public static int OperandOf(int instruction) => instruction & MaxOperand;

    /// <summary>Where the node starting at <paramref name="pc"/> ends.</summary>
    public static int Skip(ReadOnlySpan<int> code, int pc)
    {
        var instruction = code[pc];
        return OpOf(instruction) switch
        {
            Op.Phrase or Op.Author or Op.And or Op.Or => pc + 1 + OperandOf(instruction),
            Op.Not => Skip(code, pc + 1),
            _ => pc + 1,
        };
    }

    /// <summary>Postings are split by field so a <c>title:</c> word is only a candidate when the paper's title has it:
    /// 0 = title or abstract, 1 = title only, 2 = abstract only, 3 = authors, categories, sources.</summary>
    public static int SlotOf(int mask) => mask switch
    {
        Text => 0,
        Title => 1,
        Abstract => 2,
        _ => 3,
    };
}
