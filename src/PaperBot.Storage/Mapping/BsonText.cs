using LiteDB;
using PaperBot.Core.Papers;

namespace PaperBot.Storage.Mapping;

/// <summary>
/// The last guard before LiteDB, which cannot encode half a surrogate pair and fails the whole write: every string of
/// a document from outside input, ids excepted (an id changed here would no longer find its document), is made whole.
/// </summary>
internal static class BsonText
{
    public static BsonDocument Whole(BsonDocument doc)
    {
        foreach (var key in doc.Keys.ToList())
            if (key != "_id") doc[key] = Whole(doc[key]);
        return doc;
    }

    private static BsonValue Whole(BsonValue value) => value.Type switch
    {
        BsonType.String => Utf16Text.WithoutLoneSurrogates(value.AsString) is var s && ReferenceEquals(s, value.AsString) ? value : s,
        BsonType.Document => Whole(value.AsDocument),
        BsonType.Array => Whole(value.AsArray),
        _ => value,
    };

    private static BsonArray Whole(BsonArray array)
    {
        for (var i = 0; i < array.Count; i++) array[i] = Whole(array[i]);
        return array;
    }
}
