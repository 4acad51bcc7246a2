using PaperBot.Core.Queries;

namespace PaperBot.Core.Matching;

/// <summary>Compiles a query tree to the flat program <see cref="ProgramVerifier"/> runs, interning its strings as atoms.</summary>
internal static class QueryCompiler
{
    public static void Compile(QueryNode node, AtomTable atoms, List<int> code)
    {
        switch (node)
        {
            case TermNode { Field: QueryField.Category } term:
                code.Add(Instruction.Pack(Op.Exact, Instruction.Category, atoms.Intern(AtomKind.Category, term.Term)));
                break;
            case TermNode { Field: QueryField.Source } term:
                code.Add(Instruction.Pack(Op.Exact, Instruction.Source, atoms.Intern(AtomKind.Source, term.Term)));
                break;
            case TermNode term:
                code.Add(Instruction.Pack(Op.Word, TextMask(term.Field), atoms.Intern(AtomKind.Word, term.Term)));
                break;
            case PhraseNode { Field: QueryField.Author } author:
                code.Add(Instruction.Pack(Op.Author, Instruction.Author, author.Terms.Count));
                foreach (var word in author.Terms) code.Add(atoms.Intern(AtomKind.AuthorWord, word));
                break;
            case PhraseNode phrase:
                code.Add(Instruction.Pack(Op.Phrase, TextMask(phrase.Field), phrase.Terms.Count));
                foreach (var word in phrase.Terms) code.Add(atoms.Intern(AtomKind.Word, word));
                break;
            case PrefixNode prefix:
                var mask = prefix.Field == QueryField.Author ? Instruction.Author : TextMask(prefix.Field);
                code.Add(Instruction.Pack(Op.Prefix, mask, atoms.Intern(AtomKind.Prefix, prefix.Prefix)));
                break;
            case NotNode not:
                code.Add(Instruction.Pack(Op.Not, 0, 0));
                Compile(not.Child, atoms, code);
                break;
            case AndNode all:
                Group(Op.And, all.Children, atoms, code);
                break;
            case OrNode any:
                Group(Op.Or, any.Children, atoms, code);
                break;
            default:
                throw new InvalidOperationException($"unknown query node {node.GetType().Name}");
        }
    }

    private static void Group(Op op, IReadOnlyList<QueryNode> children, AtomTable atoms, List<int> code)
    {
        var header = code.Count;
        code.Add(0);
        foreach (var child in children) Compile(child, atoms, code);
        code[header] = Instruction.Pack(op, 0, code.Count - header - 1);
    }

    private static int TextMask(QueryField field) => field switch
    {
        QueryField.Title => Instruction.Title,
        QueryField.Abstract => Instruction.Abstract,
        _ => Instruction.Text,
    };
}
