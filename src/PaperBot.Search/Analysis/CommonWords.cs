using PaperBot.Core.Queries;

namespace PaperBot.Search.Analysis;

/// <summary>
/// Words so frequent in paper titles and abstracts that a phrase of two of them ("of the", "neural network",
/// "language model") would intersect two posting lists covering much of the index. Adjacent pairs of these words are
/// also indexed as one term (common grams), so such phrases read one short list; a phrase with any rarer word is cheap
/// anyway, because the rare word drives the intersection. English function words plus the commonest words of
/// machine-learning abstracts; a pair needs at least one of the latter. Two function words ("of the") make a third of all
/// adjacent pairs, and nobody searches for them alone: leaving them out saves 8% of the tokens indexed per paper, and
/// such a phrase is still found, by positions. Part of the index schema: changing it means bumping
/// <see cref="Indexing.PaperFields.SchemaVersion"/>.
/// </summary>
internal static class CommonWords
{
    private static readonly HashSet<string> Function = Stems(
        """
        a about above across after again against all almost also although always among an and another any are around as at
        be because been before being below between both but by can could did do does done during each either enough even
        every few first for from further had has have having here how however if in into is it its itself just least less
        many may more most much must new no non nor not now of often on once one only or other our out over own per rather
        same several should show shows shown since so some such than that the their them then there these they this those
        three through thus to too two under until up upon us use used using via was we well were what when where whether
        which while who whose why will with within without would yet
        """);

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

    public static bool ArePair(string first, string second) =>
        (Topical.Contains(first) && (Topical.Contains(second) || Function.Contains(second)))
        || (Function.Contains(first) && Topical.Contains(second));

    private static HashSet<string> Stems(string words) => new(
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => TextAnalyzer.Analyze(w)[0].Stem),
        StringComparer.Ordinal);
}
