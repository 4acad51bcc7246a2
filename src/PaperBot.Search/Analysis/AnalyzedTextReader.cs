using PaperBot.Core.Queries;

namespace PaperBot.Search.Analysis;

/// <summary>
/// A field value already split by <see cref="TextAnalyzer"/>: title and abstract are each indexed into two fields
/// (stems and words), and handing both the same tokens halves the analysis cost of indexing.
/// <see cref="TextAnalyzerTokenizer"/> uses the tokens instead of reading the text again.
/// </summary>
internal sealed class AnalyzedTextReader(string text, IReadOnlyList<TextToken> tokens) : StringReader(text)
{
    public string Text { get; } = text;
    public IReadOnlyList<TextToken> Tokens { get; } = tokens;
}
