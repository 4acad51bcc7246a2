using PaperBot.Core.Queries;

namespace PaperBot.Search.Analysis;

/// <summary>
/// A field value already split by <see cref="TextAnalyzer"/>: title, abstract and each author name are indexed into
/// several fields (stems, words, pairs), and handing them all the same tokens analyses each text once.
/// <see cref="TextAnalyzerTokenizer"/> uses the tokens instead of reading the text again.
/// </summary>
internal sealed class AnalyzedTextReader(string text, IReadOnlyList<TextToken> tokens) : StringReader(text)
{
    public string Text { get; } = text;
    public IReadOnlyList<TextToken> Tokens { get; } = tokens;

    /// <summary>How many times each stem or pair is indexed at its position: the title's weight inside the one text field.</summary>
    public int Weight { get; init; } = 1;
}
