namespace PaperBot.Search.Analysis;

/// <summary>Which form of each <see cref="Core.Queries.TextAnalyzer"/> word a field indexes.</summary>
internal enum TokenMode
{
    /// <summary>Stems at their positions: what words and phrases match (the title; title then abstract).</summary>
    Stems,

    /// <summary>Folded words, unstemmed, each distinct word once: what prefixes match (<c>studies</c> starts with
    /// <c>studies</c>, its stem <c>study</c> does not).</summary>
    Words,

    /// <summary>Each two adjacent stems that are both <see cref="CommonWords"/>, as one term at the first one's position
    /// (<c>language model</c>): a phrase of two frequent words is then one short posting list to read.</summary>
    Pairs,

    /// <summary>Folded words of author names, each with its initial stacked at the same position (see <see cref="AuthorInitial"/>).</summary>
    AuthorWords,

    /// <summary>Each ordered pair of words within an author's name as one term (see <see cref="AuthorPairs"/>).</summary>
    AuthorPairs,
}
