using PaperBot.Core.Queries;

namespace PaperBot.Core.Tests.Queries;

public class TextAnalyzerTests
{
    private static string[] Terms(string text) => [.. TextAnalyzer.Analyze(text).Select(t => t.Term)];

    [Theory]
    [InlineData("TÜLU", "tulu")]
    [InlineData("Tülu", "tulu")]
    [InlineData("Tu\u0308lu", "tulu")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ørsted", "orsted")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("naïve", "naive")]
    public void Words_are_folded_to_lower_case_without_accents(string text, string expected) =>
        Assert.Equal([expected], Terms(text));

    [Fact]
    public void Hyphens_and_punctuation_split_words_at_consecutive_positions()
    {
        var tokens = TextAnalyzer.Analyze("Few-shot GPT-4.5, (really)!");
        Assert.Equal(["few", "shot", "gpt", "4", "5", "really"], tokens.Select(t => t.Term));
        Assert.Equal([0, 1, 2, 3, 4, 5], tokens.Select(t => t.Position));
    }

    [Fact]
    public void Offsets_point_at_the_original_spelling()
    {
        const string text = "On Diffusion-Models";
        var models = TextAnalyzer.Analyze(text)[2];
        Assert.Equal("Models", text.Substring(models.Start, models.Length));
        Assert.Equal("model", models.Stem);
    }

    [Fact]
    public void Empty_and_symbol_only_text_has_no_words()
    {
        Assert.Empty(TextAnalyzer.Analyze(""));
        Assert.Empty(TextAnalyzer.Analyze(null));
        Assert.Empty(TextAnalyzer.Analyze("-- !? ..."));
    }

    [Fact]
    public void A_whole_token_folds_without_splitting() => Assert.Equal("cs.lg", TextAnalyzer.FoldWord("cs.LG"));
}
