using Lucene.Net.Analysis;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Analysis;

/// <summary>The per-field analysis of the index: every text field goes through <see cref="TextAnalyzerTokenizer"/>.</summary>
internal sealed class PaperAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new TextAnalyzerTokenizer(reader, ModeOf(fieldName)));

    public override int GetPositionIncrementGap(string fieldName) => fieldName switch
    {
        PaperFields.Author => PaperFields.AuthorGap,
        PaperFields.Text => PaperFields.TextGap,
        _ => 0,
    };

    internal static TokenMode ModeOf(string fieldName) => fieldName switch
    {
        PaperFields.Title or PaperFields.Text => TokenMode.Stems,
        PaperFields.TitleWords or PaperFields.AbstractWords => TokenMode.Words,
        PaperFields.TitlePairs or PaperFields.TextPairs => TokenMode.Pairs,
        PaperFields.Author => TokenMode.AuthorWords,
        PaperFields.AuthorPairs => TokenMode.AuthorPairs,
        _ => throw new ArgumentOutOfRangeException(nameof(fieldName), fieldName, "not an analysed field"),
    };
}
