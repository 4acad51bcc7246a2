using Lucene.Net.Analysis.TokenAttributes;
using PaperBot.Core.Queries;
using PaperBot.Search.Analysis;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Tests;

public sealed class AnalyzerParityTests
{
    public static TheoryData<string> TrickyTexts() =>
    [
        "Diffusion Models for Image Editing",
        "Large Language Models are few-shot learners of the world; Gaussian splatting of the scene",
        "TÜLU 3: Pushing Frontiers in Open Language Model Post-Training",
        "few-shot in-context learning of GPT-4.5 and LLaMA-2-70B",
        "Studies of queries, indices, matrices, analyses and biases; caches vs. cache",
        "Naïve Bayes, café, Ångström, Straße, Œuvre, Łódź, Ørsted, Þórr, ıstanbul",
        "decomposed u\u0308ber and composed über",
        "$\\mathcal{O}(n \\log n)$ time via \\emph{sparse} attention, $x^2$",
        "<b>Bold</b> claims &amp; <i>italic</i> results in HTML",
        "大规模语言模型 and 日本語 text with emoji 🚀🔥 rockets",
        "   leading and trailing   ",
        "",
        "a b c 1 2 3 x86-64 ℝ² 𝐀𝐁𝐂",
        "Model of the model for data, learning with image in text of video",
    ];

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void TitleAndAbstractFieldsIndexTheStemsTextAnalyzerProducesAtTheSamePositionsAndOffsets(string text)
    {
        var expected = TextAnalyzer.Analyze(text).Select(t => (t.Stem, t.Position, t.Start, t.Start + t.Length)).ToList();

        Assert.Equal(expected, Tokens(PaperFields.Title, text));
        Assert.Equal(expected, Tokens(PaperFields.Text, text));
    }

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void WordFieldsIndexEachFoldedUnstemmedWordThatItsStemCannotStandForOnceAtItsFirstPosition(string text)
    {
        var expected = TextAnalyzer.Analyze(text)
            .Where(t => t.Term != t.Stem || !PluralStemmer.KeepsPrefix(t.Stem))
            .DistinctBy(t => t.Term).Select(t => (t.Term, t.Position, t.Start, t.Start + t.Length)).ToList();

        Assert.Equal(expected, Tokens(PaperFields.TitleWords, text));
        Assert.Equal(expected, Tokens(PaperFields.AbstractWords, text));
    }

    [Fact]
    public void OnlyPluralsAndWordsWhoseStemDoesNotBeginTheirPluralsAreWordTerms()
    {
        var words = Tokens(PaperFields.AbstractWords, "Models study studies of an index with indices and data").Select(t => t.Term);

        Assert.Equal(["models", "study", "studies", "index", "indices"], words);
    }

    [Theory]
    [MemberData(nameof(TrickyTexts))]
    public void PairFieldsIndexEachTwoAdjacentCommonStemsAtTheFirstOnesPosition(string text)
    {
        var tokens = TextAnalyzer.Analyze(text);
        var expected = new List<(string, int, int, int)>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var (first, second) = (tokens[i], tokens[i + 1]);
            if (CommonWords.ArePair(first.Stem, second.Stem)) expected.Add(($"{first.Stem} {second.Stem}", first.Position, first.Start, second.Start + second.Length));
        }

        Assert.Equal(expected, Tokens(PaperFields.TitlePairs, text));
        Assert.Equal(expected, Tokens(PaperFields.TextPairs, text));
    }

    [Fact]
    public void OnlyPairsOfTwoCommonTopicalWordsAreIndexedAsPairs()
    {
        var pairs = Tokens(PaperFields.TextPairs, "Large language models and Gaussian splatting for the scene of the model").Select(t => t.Term);

        Assert.Equal(["large language", "language model"], pairs);
    }

    [Fact]
    public void AuthorWordsAreFoldedUnstemmedAndCarryTheirInitialAtTheSamePosition()
    {
        var tokens = Tokens(PaperFields.Author, "Zoë Ångström-Peters");

        Assert.Equal(
            [("zoe", 0, 0, 3), ("^z", 0, 0, 3), ("angstrom", 1, 4, 12), ("^a", 1, 4, 12), ("peters", 2, 13, 19), ("^p", 2, 13, 19)],
            tokens);
    }

    [Fact]
    public void EachOrderedPairOfWordsInOneNameIsATermWithAndWithoutTheFirstWordsInitial()
    {
        var pairs = Tokens(PaperFields.AuthorPairs, "Zoë Ångström-Peters").Select(t => t.Term);

        Assert.Equal(["zoe angstrom", "^z angstrom", "zoe peters", "^z peters", "angstrom peters", "^a peters"], pairs);
    }

    [Fact]
    public void ANameOfMoreWordsThanAnyRealNameIsMarkedInsteadOfPaired()
    {
        var name = string.Join(' ', Enumerable.Range(0, AuthorPairs.MaxNameWords + 1).Select(i => $"w{i}"));

        Assert.Equal([AuthorPairs.LongName], Tokens(PaperFields.AuthorPairs, name).Select(t => t.Term));
    }

    [Fact]
    public void AStemIsEqualToTheQueryLanguagesTermForTheSameWord()
    {
        var query = QueryParser.Parse("Studies").Query!;

        Assert.Equal("study", ((TermNode)query.Root).Term);
        Assert.Equal("study", Tokens(PaperFields.Title, "Studies").Single().Term);
    }

    [Fact]
    public void TheTitleInTheTextFieldRepeatsEachStemAndPairAtItsPositionToWeighAsMuchAsTheTitle()
    {
        const string title = "Language models of images";
        var weighted = (string field) => Tokens(field, new AnalyzedTextReader(title, TextAnalyzer.Analyze(title)) { Weight = 3 });

        Assert.Equal(3, PaperFields.TitleWeight);
        Assert.Equal(
            [("language", 0, 0, 8), ("language", 0, 0, 8), ("language", 0, 0, 8), ("model", 1, 9, 15), ("model", 1, 9, 15), ("model", 1, 9, 15),
             ("of", 2, 16, 18), ("of", 2, 16, 18), ("of", 2, 16, 18), ("image", 3, 19, 25), ("image", 3, 19, 25), ("image", 3, 19, 25)],
            weighted(PaperFields.Text));
        Assert.Equal(
            [("language model", 0, 0, 15), ("language model", 0, 0, 15), ("language model", 0, 0, 15)],
            weighted(PaperFields.TextPairs));
        Assert.Equal(["language", "model", "of", "image"], Tokens(PaperFields.Text, title).Select(t => t.Term));
    }

    private static List<(string Term, int Position, int Start, int End)> Tokens(string field, string text) => Tokens(field, new StringReader(text));

    private static List<(string Term, int Position, int Start, int End)> Tokens(string field, TextReader text)
    {
        using var analyzer = new PaperAnalyzer();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, int, int, int)>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }
        stream.End();
        return tokens;
    }
}
