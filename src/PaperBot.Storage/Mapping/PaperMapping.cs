using LiteDB;
using PaperBot.Core.Papers;

namespace PaperBot.Storage.Mapping;

/// <summary>Paper ↔ BSON by hand: the domain stays free of LiteDB attributes, and the stored shape is explicit.</summary>
internal static class PaperMapping
{
    public static BsonDocument ToDocument(Paper p)
    {
        var doc = new BsonDocument
        {
            ["_id"] = p.Id.Value,
            ["Title"] = p.Title,
            ["Abstract"] = p.Abstract,
            ["Authors"] = Strings(p.Authors),
            ["Categories"] = Strings(p.Categories),
            ["Keywords"] = Strings(p.Keywords),
            ["Sources"] = new BsonArray(p.Sources.Select(s => new BsonDocument { ["Source"] = s.Source, ["SeenAt"] = Date(s.SeenAt) })),
            ["FirstSeenAt"] = Date(p.FirstSeenAt),
            // One sortable date for "latest": publication when known, else when we first saw it.
            ["SortDate"] = Date(p.PublishedAt ?? p.FirstSeenAt),
        };
        Set(doc, "Version", p.Version);
        Set(doc, "Upvotes", p.Upvotes);
        Set(doc, "Summary", p.Summary);
        Set(doc, "Comment", p.Comment);
        Set(doc, "JournalRef", p.JournalRef);
        if (p.PublishedAt is { } published) doc["PublishedAt"] = Date(published);
        if (p.UpdatedAt is { } updated) doc["UpdatedAt"] = Date(updated);
        if (p.ChangedAt is { } changed) doc["ChangedAt"] = Date(changed);

        var links = new BsonDocument();
        Set(links, "Abstract", p.Links.Abstract);
        Set(links, "Pdf", p.Links.Pdf);
        Set(links, "Code", p.Links.Code);
        Set(links, "ProjectPage", p.Links.ProjectPage);
        Set(links, "Doi", p.Links.Doi);
        Set(links, "Other", p.Links.Other);
        doc["Links"] = links;
        return BsonText.Whole(doc);
    }

    public static Paper ToPaper(BsonDocument d)
    {
        var links = d["Links"].IsDocument ? d["Links"].AsDocument : [];
        return new Paper
        {
            Id = PaperId.Parse(d["_id"].AsString),
            Version = NullableInt(d["Version"]),
            Title = d["Title"].AsString,
            Abstract = d["Abstract"].AsString ?? "",
            Authors = Strings(d["Authors"]),
            Categories = Strings(d["Categories"]),
            Keywords = Strings(d["Keywords"]),
            Links = new PaperLinks
            {
                Abstract = NullableString(links["Abstract"]),
                Pdf = NullableString(links["Pdf"]),
                Code = NullableString(links["Code"]),
                ProjectPage = NullableString(links["ProjectPage"]),
                Doi = NullableString(links["Doi"]),
                Other = NullableString(links["Other"]),
            },
            PublishedAt = NullableDate(d["PublishedAt"]),
            UpdatedAt = NullableDate(d["UpdatedAt"]),
            Upvotes = NullableInt(d["Upvotes"]),
            Summary = NullableString(d["Summary"]),
            Comment = NullableString(d["Comment"]),
            JournalRef = NullableString(d["JournalRef"]),
            Sources = d["Sources"].IsArray
                ? d["Sources"].AsArray.Select(s => new Provenance(s["Source"].AsString, Date(s["SeenAt"]))).ToArray()
                : [],
            FirstSeenAt = Date(d["FirstSeenAt"]),
            ChangedAt = NullableDate(d["ChangedAt"]),
        };
    }

    internal static BsonValue Date(DateTimeOffset value) => new BsonValue(value.UtcDateTime);

    internal static DateTimeOffset Date(BsonValue value) =>
        new(DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc));

    internal static DateTimeOffset? NullableDate(BsonValue value) => value.IsDateTime ? Date(value) : null;

    internal static string? NullableString(BsonValue value) => value.IsString ? value.AsString : null;

    private static int? NullableInt(BsonValue value) => value.IsNumber ? value.AsInt32 : null;

    internal static BsonArray Strings(IEnumerable<string> items) => new(items.Select(i => new BsonValue(i)));

    internal static IReadOnlyList<string> Strings(BsonValue value) =>
        value.IsArray ? value.AsArray.Select(v => v.AsString).ToArray() : [];

    internal static void Set(BsonDocument doc, string key, string? value)
    {
        if (value is not null) doc[key] = value;
    }

    private static void Set(BsonDocument doc, string key, int? value)
    {
        if (value is { } v) doc[key] = v;
    }
}
