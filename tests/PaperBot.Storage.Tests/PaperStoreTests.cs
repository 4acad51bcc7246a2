using PaperBot.Core.Papers;
using PaperBot.Testing;

namespace PaperBot.Storage.Tests;

public class PaperStoreTests
{
    private static Paper Arxiv(string id, int version = 1, string title = "A Title", int? upvotes = null, DateTimeOffset? published = null) => new()
    {
        Id = PaperId.Parse(id), Version = version, Title = title, Abstract = "An abstract.", Authors = ["Ann Author"],
        Categories = ["cs.LG"], Upvotes = upvotes, PublishedAt = published,
    };

    [Fact]
    public void Many_papers_are_found_in_one_read_and_unknown_ids_are_left_out()
    {
        using var db = new TestDatabase();
        db.Papers.Save([Arxiv("2503.00001", title: "First"), Arxiv("2503.00002", title: "Second")], PaperSources.Arxiv);

        var found = db.Papers.FindMany([PaperId.Parse("2503.00002"), PaperId.Parse("2503.99999"), PaperId.Parse("2503.00001")]);

        Assert.Equal(2, found.Count);
        Assert.Equal("First", found[PaperId.Parse("2503.00001")].Title);
        Assert.Equal("Second", found[PaperId.Parse("2503.00002")].Title);
    }

    [Fact]
    public void Half_a_surrogate_pair_in_any_text_is_stored_as_a_replacement_character_instead_of_failing_the_write()
    {
        using var db = new TestDatabase();
        const string lone = "broken \uDC00 text \uD83D";
        db.Papers.Save([new Paper { Id = PaperId.Parse("2503.00001"), Title = lone, Summary = lone, Authors = [lone], Links = new PaperLinks { Other = lone } }], PaperSources.File);
        db.SourceStates.Put(new Core.Storage.SourceState { Source = "journal", LastError = lone, ConsecutiveFailures = 1 });

        var paper = db.Papers.Find(PaperId.Parse("2503.00001"))!;
        Assert.Equal("broken \uFFFD text \uFFFD", paper.Title);
        Assert.Equal([paper.Title, paper.Title, paper.Title], new[] { paper.Summary!, paper.Authors[0], paper.Links.Other! });
        Assert.Equal(paper.Title, db.SourceStates.Get("journal").LastError);
    }

    [Fact]
    public void The_store_reports_new_then_unchanged_for_the_same_batch()
    {
        using var db = new TestDatabase();
        var batch = new[] { Arxiv("2503.00001"), Arxiv("2503.00002") };

        var first = db.Papers.Save(batch, PaperSources.Arxiv);
        var second = db.Papers.Save(batch, PaperSources.Arxiv);

        Assert.Equal((2, 0, 0), (first.NewCount, first.UpdatedCount, first.UnchangedCount));
        Assert.Equal((0, 0, 2), (second.NewCount, second.UpdatedCount, second.UnchangedCount));
        Assert.Equal(2, db.Papers.Count());
    }

    [Fact]
    public void A_new_version_from_another_source_updates_the_one_record()
    {
        using var db = new TestDatabase();
        db.Papers.Save([Arxiv("2503.00001", version: 1)], PaperSources.Arxiv);
        db.Time.Advance(TimeSpan.FromDays(1));

        var result = db.Papers.Save([Arxiv("https://arxiv.org/abs/2503.00001v2", version: 2, upvotes: 7)], PaperSources.HuggingFace);

        Assert.Equal(1, result.UpdatedCount);
        var stored = db.Papers.Find(PaperId.Parse("2503.00001"))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(7, stored.Upvotes);
        Assert.Equal([PaperSources.Arxiv, PaperSources.HuggingFace], stored.Sources.Select(s => s.Source));
        Assert.Equal(1, db.Papers.Count());
    }

    [Fact]
    public void Duplicates_inside_one_batch_become_one_new_paper()
    {
        using var db = new TestDatabase();
        var result = db.Papers.Save([Arxiv("2503.00001", 1), Arxiv("2503.00001v2", 2)], PaperSources.ArxivRss);
        Assert.Equal(1, result.NewCount);
        Assert.Equal(2, db.Papers.Find(PaperId.Parse("2503.00001"))!.Version);
    }

    [Fact]
    public void Every_field_survives_a_round_trip_through_the_file()
    {
        using var db = new TestDatabase();
        var paper = new Paper
        {
            Id = PaperId.Parse("hep-th/9901001"), Version = 3, Title = "Strings <b>& things</b> @everyone", Abstract = "Line one.\nLine two.",
            Authors = ["Ann", "Bo"], Categories = ["hep-th", "gr-qc"], Keywords = ["strings"], Upvotes = 5, Summary = "Sum",
            Comment = "10 pages", JournalRef = "J. Phys. 1 (1999)",
            Links = new PaperLinks { Abstract = "https://arxiv.org/abs/hep-th/9901001", Pdf = "p", Code = "c", ProjectPage = "pp", Doi = "10.1/x", Other = "o" },
            PublishedAt = new DateTimeOffset(1999, 1, 1, 12, 0, 0, TimeSpan.Zero), UpdatedAt = new DateTimeOffset(1999, 2, 1, 0, 0, 0, TimeSpan.Zero),
        };
        db.Papers.Save([paper], PaperSources.Arxiv);

        var stored = db.Papers.Find(paper.Id)!;

        Assert.Equal(paper with { Sources = stored.Sources, FirstSeenAt = db.Time.GetUtcNow() }, stored with { Authors = paper.Authors, Categories = paper.Categories, Keywords = paper.Keywords });
        Assert.Equal(paper.Authors, stored.Authors);
        Assert.Equal(paper.Categories, stored.Categories);
        Assert.Equal(paper.Keywords, stored.Keywords);
    }

    [Fact]
    public void Latest_lists_newest_first_and_filters_by_source()
    {
        using var db = new TestDatabase();
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        db.Papers.Save([Arxiv("2503.00001", published: day), Arxiv("2503.00003", published: day.AddDays(2))], PaperSources.Arxiv);
        db.Papers.Save([Arxiv("2503.00002", published: day.AddDays(1))], PaperSources.HuggingFace);

        Assert.Equal(["2503.00003", "2503.00002", "2503.00001"], db.Papers.Latest(10).Select(p => p.Id.Value));
        Assert.Equal(["2503.00003"], db.Papers.Latest(1).Select(p => p.Id.Value));
        Assert.Equal(["2503.00002"], db.Papers.Latest(10, PaperSources.HuggingFace).Select(p => p.Id.Value));
    }

    [Fact]
    public void Stream_since_also_returns_older_papers_changed_after_the_date_with_when_they_changed()
    {
        using var db = new TestDatabase();
        db.Papers.Save([Arxiv("2503.00001"), Arxiv("2503.00002")], PaperSources.Arxiv);
        var cut = db.Time.GetUtcNow().AddHours(1);
        db.Time.Advance(TimeSpan.FromDays(1));
        db.Papers.Save([Arxiv("2503.00002", version: 2)], PaperSources.Arxiv);

        var streamed = Assert.Single(db.Papers.Stream(cut));
        Assert.Equal("2503.00002", streamed.Id.Value);
        Assert.Equal(db.Time.GetUtcNow(), streamed.ChangedAt);
        Assert.Null(db.Papers.Find(PaperId.Parse("2503.00001"))!.ChangedAt);
    }

    [Fact]
    public void Stream_since_returns_only_papers_first_stored_after_the_date()
    {
        using var db = new TestDatabase();
        db.Papers.Save([Arxiv("2503.00001")], PaperSources.Arxiv);
        var cut = db.Time.GetUtcNow().AddHours(1);
        db.Time.Advance(TimeSpan.FromDays(1));
        db.Papers.Save([Arxiv("2503.00002")], PaperSources.Arxiv);

        Assert.Equal(["2503.00002"], db.Papers.Stream(cut).Select(p => p.Id.Value));
        Assert.Equal(2, db.Papers.Stream().Count());
    }
}
