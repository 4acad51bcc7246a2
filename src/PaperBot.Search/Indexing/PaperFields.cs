namespace PaperBot.Search.Indexing;

/// <summary>The index schema. Changing a field or its analysis means bumping <see cref="SchemaVersion"/>: older indexes are then rebuilt on open.</summary>
internal static class PaperFields
{
    public const int SchemaVersion = 3;

    public const string Id = "id";
    public const string Title = "title";
    public const string TitleWords = "title_w";
    public const string TitlePairs = "title_2";
    public const string Abstract = "abstract";
    public const string AbstractWords = "abstract_w";
    public const string AbstractPairs = "abstract_2";

    /// <summary>Joins two stems into a <see cref="Analysis.TokenMode.Pairs"/> term; stems never contain it.</summary>
    public const char PairSeparator = ' ';
    public const string Author = "author";
    public const string AuthorPairs = "author_2";
    public const string Category = "category";
    public const string Source = "source";

    /// <summary>Publication date, first-seen date when unknown, in Unix milliseconds: indexed for <c>since</c>, doc values for sorting.</summary>
    public const string Date = "date";

    /// <summary>Hugging Face upvotes (0 when none): indexed for trending, doc values for sorting and the relevance boost.</summary>
    public const string Upvotes = "upvotes";

    /// <summary>Word positions between two authors of one paper: far more than any name's length, so a name query never spans two authors.</summary>
    public const int AuthorGap = 1000;

    /// <summary>How far apart the words of one author query may be (gaps allowed, as the language says); below <see cref="AuthorGap"/>.</summary>
    public const int AuthorSlop = 500;
}
