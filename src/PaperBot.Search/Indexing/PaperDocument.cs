using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;
using PaperBot.Search.Analysis;

namespace PaperBot.Search.Indexing;

/// <summary>
/// Turns a paper into its index document. Nothing is stored but the id, as doc values (a page of ids is read without
/// decompressing stored-field blocks): hits are read back from the paper store, so the index stays small and the store
/// remains the one source of truth.
/// </summary>
internal static class PaperDocument
{
    private static readonly FieldType Text = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    // Prefixes only ask "does this paper have such a word": no frequencies, positions or length norms needed.
    private static readonly FieldType Words = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    // Pairs only answer "does this paper have this two-word phrase, how often": positions come from the stems field.
    private static readonly FieldType Pairs = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    // A name has each pair once: presence is all a pair term says.
    private static readonly FieldType NamePairs = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    private static readonly FieldType Names = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
    });

    private static readonly FieldType Date = Frozen(new FieldType(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = PaperFields.DatePrecisionStep });

    private static readonly FieldType Upvotes = Frozen(new FieldType(Int32Field.TYPE_NOT_STORED) { NumericPrecisionStep = PaperFields.UpvotesPrecisionStep });

    public static Term IdTerm(PaperId id) => new(PaperFields.Id, id.Value);

    public static long DateOf(Paper paper) => (paper.PublishedAt ?? paper.FirstSeenAt).ToUnixTimeMilliseconds();

    public static Document Create(Paper paper)
    {
        var date = DateOf(paper);
        var upvotes = Math.Max(0, paper.Upvotes ?? 0);
        var (title, @abstract) = (TextAnalyzer.Analyze(paper.Title), TextAnalyzer.Analyze(paper.Abstract));
        var doc = new Document
        {
            new StringField(PaperFields.Id, paper.Id.Value, Field.Store.NO),
            new BinaryDocValuesField(PaperFields.Id, new BytesRef(paper.Id.Value)),
            new Field(PaperFields.Title, new AnalyzedTextReader(paper.Title, title), Text),
            new Field(PaperFields.TitleWords, new AnalyzedTextReader(paper.Title, title), Words),
            new Field(PaperFields.TitlePairs, new AnalyzedTextReader(paper.Title, title), Pairs),
            new Field(PaperFields.AbstractWords, new AnalyzedTextReader(paper.Abstract, @abstract), Words),
            new Field(PaperFields.Text, new AnalyzedTextReader(paper.Title, title) { Weight = PaperFields.TitleWeight }, Text),
            new Field(PaperFields.Text, new AnalyzedTextReader(paper.Abstract, @abstract), Text),
            new Field(PaperFields.TextPairs, new AnalyzedTextReader(paper.Title, title) { Weight = PaperFields.TitleWeight }, Pairs),
            new Field(PaperFields.TextPairs, new AnalyzedTextReader(paper.Abstract, @abstract), Pairs),
            new NumericDocValuesField(PaperFields.TitleLength, title.Count),
            new Int64Field(PaperFields.Date, date, Date),
            new NumericDocValuesField(PaperFields.Date, date),
            new Int32Field(PaperFields.Upvotes, upvotes, Upvotes),
            new NumericDocValuesField(PaperFields.Upvotes, upvotes),
        };
        foreach (var author in paper.Authors)
        {
            var name = TextAnalyzer.Analyze(author);
            doc.Add(new Field(PaperFields.Author, new AnalyzedTextReader(author, name), Names));
            doc.Add(new Field(PaperFields.AuthorPairs, new AnalyzedTextReader(author, name), NamePairs));
        }
        foreach (var category in paper.Categories) AddKeyword(doc, PaperFields.Category, category);
        foreach (var source in paper.Sources) AddKeyword(doc, PaperFields.Source, source.Source);
        return doc;
    }

    /// <summary>Lucene refuses the whole document for one term over its limit, so such a keyword (no real category
    /// is that long) is left out rather than the paper.</summary>
    private static void AddKeyword(Document doc, string field, string value)
    {
        var folded = TextAnalyzer.FoldWord(value);
        if (Encoding.UTF8.GetByteCount(folded) <= IndexWriter.MAX_TERM_LENGTH) doc.Add(new StringField(field, folded, Field.Store.NO));
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
