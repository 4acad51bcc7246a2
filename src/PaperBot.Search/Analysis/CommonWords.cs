using PaperBot.Core.Queries;
using PaperBot.Search.Indexing;

namespace PaperBot.Search.Analysis;

/// <summary>
/// The commonest words of machine-learning titles and abstracts, so frequent that a phrase of two of them ("neural
/// network", "language model") would intersect two posting lists covering much of the index. Adjacent pairs of these
/// words are also indexed as one term (common grams), so such phrases read one short list. A phrase with any rarer word is
/// cheap anyway, because the rare word drives the intersection. Pairs with a function word ("the model", "model of") are
/// not indexed: they were two in three pair terms, for phrases nobody searches alone;
/// such a phrase is still found, by positions, and a longer phrase is narrowed by any pair of two of these words it holds.
/// Part of the index schema: changing it means bumping <see cref="Indexing.PaperFields.SchemaVersion"/>.
/// </summary>
internal static class CommonWords
{
    private static readonly HashSet<string> Topical = Stems(
        """
        model learning neural network deep language large data training trained train method approach task performance
        result propose proposed framework paper dataset benchmark evaluation evaluate existing based novel state art
        improve improved improvement significant significantly outperform baseline problem analysis study work efficient
        effective simple general robust accurate experiment experimental demonstrate achieve achieves compared comparison
        setting image vision visual text video audio speech multimodal generation generative diffusion transformer
        attention representation feature features embedding pretrained pretraining fine tuning tuned supervised
        unsupervised reinforcement policy agent reward optimization gradient loss inference reasoning knowledge graph
        retrieval question answering instruction prompt prompting context token tokens llm llms scale scaling parameter
        system systems information high low level end quality accuracy robustness efficiency cost time space domain
        real world human sample samples label labels classification detection segmentation prediction object
        """);

    public static bool ArePair(string first, string second) => Topical.Contains(first) && Topical.Contains(second);

    public static string PairTerm(string first, string second) => string.Concat(first, Separator, second);

    private static readonly string Separator = PaperFields.PairSeparator.ToString();

    private static HashSet<string> Stems(string words) => new(
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => TextAnalyzer.Analyze(w)[0].Stem),
        StringComparer.Ordinal);
}
