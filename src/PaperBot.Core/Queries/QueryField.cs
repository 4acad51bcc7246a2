namespace PaperBot.Core.Queries;

/// <summary>Where a query term looks. <see cref="Any"/> (no field written) means title and abstract.</summary>
public enum QueryField { Any, Title, Abstract, Author, Category, Source }

/// <summary>The field names a user can write before <c>:</c>, and the names hits report.</summary>
public static class QueryFields
{
    public static bool TryParse(ReadOnlySpan<char> name, out QueryField field)
    {
        field = QueryField.Any;
        foreach (var (alias, value) in Aliases)
            if (name.Equals(alias, StringComparison.OrdinalIgnoreCase)) field = value;
        return field != QueryField.Any;
    }

    private static readonly (string Alias, QueryField Field)[] Aliases =
    [
        ("title", QueryField.Title), ("ti", QueryField.Title), ("abstract", QueryField.Abstract), ("abs", QueryField.Abstract),
        ("author", QueryField.Author), ("au", QueryField.Author), ("category", QueryField.Category), ("cat", QueryField.Category),
        ("source", QueryField.Source),
    ];

    /// <summary>The lower-case name used in <see cref="Matching.MatchHit.Field"/> and in canonical query text.</summary>
    public static string Name(QueryField field) => field switch
    {
        QueryField.Title => "title",
        QueryField.Abstract => "abstract",
        QueryField.Author => "author",
        QueryField.Category => "category",
        QueryField.Source => "source",
        _ => "any",
    };

    public const string Known = "title (ti), abstract (abs), author (au), category (cat) or source";
}
