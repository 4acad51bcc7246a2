namespace PaperBot.Search.Analysis;

/// <summary>Which form of each <see cref="Core.Queries.TextAnalyzer"/> word a field indexes.</summary>
internal enum TokenMode
{
    /// <summary>Stems at their positions: what words and phrases match (the title; title then abstract).</summary>
    Stems,

    /// <summary>Folded words, unstemmed, each distinct word once, that a prefix cannot be read from the stem fields for:
    /// plurals (<c>models</c>, <c>studies</c>) and words whose stem does not begin every word it stems from (<c>study</c>).
    /// Every other word is its own stem and is found there (<see cref="Querying.StemPrefixQuery"/>), which spares
    /// indexing most words twice.</summary>
    Words,

    /// <summary>Each two adjacent stems that are both <see cref="CommonWords"/>, as one term at the first one's position
    /// (<c>language model</c>): a phrase of two frequent words is then one short posting list to read.</summary>
    Pairs,

    /// <summary>Folded words of author names, each with its initial stacked at the same position (see <see cref="AuthorInitial"/>).</summary>
    AuthorWords,

    /// <summary>Each ordered pair of words within an author's name as one term (see <see cref="AuthorPairs"/>).</summary>
    AuthorPairs,
}
