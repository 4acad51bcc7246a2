using PaperBot.Core.Queries;

namespace PaperBot.Search.Indexing;

/// <summary>The index schema. Changing a field or its analysis means bumping <see cref="SchemaVersion"/>: older indexes are then rebuilt on open.</summary>
internal static class PaperFields
{
    public const int SchemaVersion = 5;

    public const string Id = "id";
    public const string Title = "title";
    public const string TitleWords = "title_w";
    public const string TitlePairs = "title_2";
    public const string AbstractWords = "abstract_w";

    /// <summary>Title then abstract, as two values <see cref="TextGap"/> positions apart: what unfielded words and
    /// phrases read (one posting list per word, not a title-or-abstract disjunction), and <c>abs:</c> through
    /// <see cref="TitleLength"/>.</summary>
    public const string Text = "text";
    public const string TextPairs = "text_2";

    /// <summary>The title's word count, as doc values: in <see cref="Text"/>, positions from it on are the abstract's.</summary>
    public const string TitleLength = "title_n";

    /// <summary>Each title stem and pair is indexed this many times in <see cref="Text"/> and <see cref="TextPairs"/>, at
    /// its one position: a title word weighs <see cref="Core.Queries.MatchScoring"/>'s title weight over the abstract's,
    /// with no second query on the title field.</summary>
    public static readonly int TitleWeight = (int)(MatchScoring.FieldWeight("title") / MatchScoring.FieldWeight("abstract"));

    /// <summary>Positions between title and abstract in <see cref="Text"/>, so no phrase runs from one into the other.</summary>
    public const int TextGap = 1;

    /// <summary>Joins two words into a pair term (<see cref="Analysis.CommonWords"/>, <see cref="Analysis.AuthorPairs"/>); words never contain it.</summary>
    public const char PairSeparator = ' ';
    public const string Author = "author";
    public const string AuthorPairs = "author_2";
    public const string Category = "category";
    public const string Source = "source";

    /// <summary>Publication date, first-seen date when unknown, in Unix milliseconds: indexed for <c>since</c>, doc values for sorting.</summary>
    public const string Date = "date";

    /// <summary>Trie terms of 8 bits: 8 terms per paper instead of Lucene 4.8's default 16 (each nearly unique, costly to
    /// index), and a date range still reads at most a few thousand terms.</summary>
    public const int DatePrecisionStep = 8;

    /// <summary>Hugging Face upvotes (0 when none): indexed for trending, doc values for sorting and the relevance boost.</summary>
    public const string Upvotes = "upvotes";

    /// <summary>One term per paper, its exact count: the only range asked is "at least one", over a few hundred values.</summary>
    public const int UpvotesPrecisionStep = 32;

    /// <summary>Word positions between two authors of one paper: far more than any name's length, so a name query never spans two authors.</summary>
    public const int AuthorGap = 1000;

    /// <summary>How far apart the words of one author query may be (gaps allowed, as the language says); below <see cref="AuthorGap"/>.</summary>
    public const int AuthorSlop = 500;
}
