namespace PaperBot.Core.Matching;

/// <summary>Runs a compiled subscription program against the paper loaded in a <see cref="PaperScratch"/>.</summary>
internal static class ProgramVerifier
{
    /// <summary>Evaluates the node at <paramref name="pc"/> and leaves <paramref name="pc"/> just after it.</summary>
    public static bool Matches(ReadOnlySpan<int> code, ref int pc, PaperScratch paper, AtomTable atoms)
    {
        var instruction = code[pc++];
        var operand = Instruction.OperandOf(instruction);
        var mask = Instruction.MaskOf(instruction);
        switch (Instruction.OpOf(instruction))
        {
            case Op.Word or Op.Prefix or Op.Exact:
                return paper.Has(operand, mask);
            case Op.Phrase:
                pc += operand;
                return paper.HasPhrase(code.Slice(pc - operand, operand), mask);
            case Op.Author:
                pc += operand;
                return paper.HasAuthor(code.Slice(pc - operand, operand), atoms);
            case Op.Not:
                return !Matches(code, ref pc, paper, atoms);
            case Op.And:
                var endAll = pc + operand;
                while (pc < endAll)
                    if (!Matches(code, ref pc, paper, atoms)) { pc = endAll; return false; }
                return true;
            case Op.Or:
                var endAny = pc + operand;
                while (pc < endAny)
                    if (Matches(code, ref pc, paper, atoms)) { pc = endAny; return true; }
                return false;
            default:
                throw new InvalidOperationException($"corrupt subscription program: {instruction:x8}");
        }
    }
}
