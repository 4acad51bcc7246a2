using PaperBot.Core.Queries;

namespace PaperBot.Core.Tests.Queries;

public class PluralStemmerTests
{
    [Theory]
    [InlineData("models", "model")]
    [InlineData("model", "model")]
    [InlineData("queries", "query")]
    [InlineData("studies", "study")]
    [InlineData("losses", "loss")]
    [InlineData("patches", "patch")]
    [InlineData("boxes", "box")]
    [InlineData("transformers", "transformer")]
    [InlineData("llms", "llm")]
    [InlineData("indices", "index")]
    [InlineData("analyses", "analysis")]
    [InlineData("corpora", "corpus")]
    [InlineData("criteria", "criterion")]
    public void Plural_endings_are_removed(string plural, string stem) => Assert.Equal(stem, PluralStemmer.Stem(plural));

    [Theory]
    [InlineData("loss")]
    [InlineData("corpus")]
    [InlineData("analysis")]
    [InlineData("bias")]
    [InlineData("physics")]
    [InlineData("series")]
    [InlineData("learning")]
    [InlineData("gas")]
    [InlineData("llm2s")]
    public void Words_that_only_look_plural_or_are_not_plural_stay(string word) => Assert.Equal(word, PluralStemmer.Stem(word));

    [Theory]
    [InlineData("model", "models")]
    [InlineData("query", "queries")]
    [InlineData("bias", "biases")]
    [InlineData("matrix", "matrices")]
    [InlineData("class", "classes")]
    public void Plural_and_singular_forms_have_the_same_stem(string singular, string plural) =>
        Assert.Equal(PluralStemmer.Stem(singular), PluralStemmer.Stem(plural));

    [Fact]
    public void A_stem_said_to_keep_its_prefix_begins_every_word_it_stems_from()
    {
        string[] roots = ["model", "study", "query", "index", "matrix", "vertex", "analysis", "axis", "bias", "corpus", "criterion",
            "phenomenon", "child", "person", "lens", "class", "box", "patch", "wish", "key", "day", "policy", "city", "bus", "data"];
        var words = roots.SelectMany(r => new[] { r, r + "s", r + "es", r[..^1] + "ies", r + "ren" })
            .Concat(["indices", "matrices", "vertices", "appendices", "analyses", "hypotheses", "theses", "syntheses", "biases",
                "axes", "criteria", "phenomena", "corpora", "children", "people", "lenses"]);

        foreach (var word in words)
        {
            var stem = PluralStemmer.Stem(word);
            if (PluralStemmer.KeepsPrefix(stem)) Assert.True(word.StartsWith(stem, StringComparison.Ordinal), $"{word} → {stem}");
        }
        Assert.False(PluralStemmer.KeepsPrefix("study"));
        Assert.False(PluralStemmer.KeepsPrefix("index"));
        Assert.True(PluralStemmer.KeepsPrefix("model"));
        Assert.True(PluralStemmer.KeepsPrefix("child"));
    }
}
