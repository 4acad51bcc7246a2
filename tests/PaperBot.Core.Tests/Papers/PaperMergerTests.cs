using PaperBot.Core.Papers;

namespace PaperBot.Core.Tests.Papers;

public class PaperMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);
    private static readonly PaperId Id = PaperId.Parse("2503.01234");

    private static Paper FromHuggingFace() => new()
    {
        Id = Id, Version = null, Title = "Hf Title", Abstract = "HF abstract with\nwraps", Authors = ["A. Author"],
        Upvotes = 12, Summary = "AI summary", Keywords = ["diffusion"], Links = new PaperLinks { Code = "https://github.com/x/y" },
        PublishedAt = T0.AddDays(-2),
    };

    private static Paper FromArxiv(int version = 2) => new()
    {
        Id = Id, Version = version, Title = "ArXiv Title", Abstract = "arXiv abstract", Authors = ["Ann Author", "Bo Writer"],
        Categories = ["cs.LG", "cs.CL"], Links = new PaperLinks { Abstract = "https://arxiv.org/abs/2503.01234", Pdf = "https://arxiv.org/pdf/2503.01234v2" },
        PublishedAt = T0.AddDays(-3), Comment = "12 pages",
    };

    [Fact]
    public void A_paper_the_store_has_never_seen_is_new_and_records_its_source()
    {
        var result = PaperMerger.Merge(null, FromHuggingFace(), PaperSources.HuggingFace, T0);
        Assert.Equal(PaperChange.New, result.Change);
        Assert.Equal(T0, result.Paper.FirstSeenAt);
        Assert.Equal([new Provenance(PaperSources.HuggingFace, T0)], result.Paper.Sources);
    }

    [Fact]
    public void Arxiv_metadata_overrides_hugging_face_bibliography_but_keeps_upvotes_summary_and_code_link()
    {
        var hf = PaperMerger.Merge(null, FromHuggingFace(), PaperSources.HuggingFace, T0).Paper;
        var merged = PaperMerger.Merge(hf, FromArxiv(), PaperSources.Arxiv, T0.AddHours(1));

        Assert.Equal(PaperChange.Updated, merged.Change);
        var p = merged.Paper;
        Assert.Equal("ArXiv Title", p.Title);
        Assert.Equal("arXiv abstract", p.Abstract);
        Assert.Equal(["Ann Author", "Bo Writer"], p.Authors);
        Assert.Equal(["cs.LG", "cs.CL"], p.Categories);
        Assert.Equal(12, p.Upvotes);
        Assert.Equal("AI summary", p.Summary);
        Assert.Equal("https://github.com/x/y", p.Links.Code);
        Assert.Equal("https://arxiv.org/pdf/2503.01234v2", p.Links.Pdf);
        Assert.Equal(2, p.Version);
        Assert.Equal(T0.AddDays(-3), p.PublishedAt);
        Assert.Equal(T0, p.FirstSeenAt);
        Assert.Equal([PaperSources.HuggingFace, PaperSources.Arxiv], p.Sources.Select(s => s.Source));
    }

    [Fact]
    public void A_weaker_source_fills_gaps_but_never_overwrites_arxiv_metadata()
    {
        var arxiv = PaperMerger.Merge(null, FromArxiv(), PaperSources.Arxiv, T0).Paper;
        var merged = PaperMerger.Merge(arxiv, FromHuggingFace(), PaperSources.HuggingFace, T0.AddHours(1)).Paper;
        Assert.Equal("ArXiv Title", merged.Title);
        Assert.Equal(["Ann Author", "Bo Writer"], merged.Authors);
        Assert.Equal(12, merged.Upvotes);
        Assert.Equal(2, merged.Version);
        Assert.Equal("cs.LG", merged.Categories[0]);
    }

    [Fact]
    public void The_same_paper_again_from_the_same_source_is_unchanged()
    {
        var stored = PaperMerger.Merge(null, FromArxiv(), PaperSources.Arxiv, T0).Paper;
        var again = PaperMerger.Merge(stored, FromArxiv(), PaperSources.Arxiv, T0.AddDays(1));
        Assert.Equal(PaperChange.Unchanged, again.Change);
        Assert.Same(stored, again.Paper);
    }

    [Fact]
    public void A_new_version_or_new_upvotes_update_the_record_and_say_what_changed()
    {
        var stored = PaperMerger.Merge(null, FromArxiv(2), PaperSources.Arxiv, T0).Paper;
        var v3 = PaperMerger.Merge(stored, FromArxiv(3), PaperSources.Arxiv, T0.AddDays(1));
        Assert.Equal(PaperChange.Updated, v3.Change);
        Assert.Contains("version", v3.Changes);
        Assert.Equal(3, v3.Paper.Version);

        var older = PaperMerger.Merge(v3.Paper, FromArxiv(1), PaperSources.Arxiv, T0.AddDays(2));
        Assert.Equal(3, older.Paper.Version);

        var hf = PaperMerger.Merge(v3.Paper, FromHuggingFace(), PaperSources.HuggingFace, T0.AddDays(2)).Paper;
        var upvoted = PaperMerger.Merge(hf, FromHuggingFace() with { Upvotes = 40 }, PaperSources.HuggingFace, T0.AddDays(3));
        Assert.Equal(["upvotes"], upvoted.Changes);
        Assert.Equal(40, upvoted.Paper.Upvotes);
    }

    [Fact]
    public void An_update_records_when_the_record_changed_and_a_merge_that_changes_nothing_does_not()
    {
        var stored = PaperMerger.Merge(null, FromArxiv(2), PaperSources.Arxiv, T0).Paper;
        Assert.Null(stored.ChangedAt);
        Assert.Equal(T0, stored.LastStoredAt);

        var updated = PaperMerger.Merge(stored, FromArxiv(3), PaperSources.Arxiv, T0.AddDays(1)).Paper;
        var again = PaperMerger.Merge(updated, FromArxiv(3), PaperSources.Arxiv, T0.AddDays(2));

        Assert.Equal(T0.AddDays(1), updated.ChangedAt);
        Assert.Equal(T0.AddDays(1), updated.LastStoredAt);
        Assert.Equal(T0, updated.FirstSeenAt);
        Assert.Equal(PaperChange.Unchanged, again.Change);
        Assert.Equal(T0.AddDays(1), again.Paper.ChangedAt);
    }

    [Fact]
    public void Merging_two_different_papers_is_a_bug()
    {
        var stored = PaperMerger.Merge(null, FromArxiv(), PaperSources.Arxiv, T0).Paper;
        Assert.Throws<ArgumentException>(() => PaperMerger.Merge(stored, FromArxiv() with { Id = PaperId.Parse("2503.99999") }, PaperSources.Arxiv, T0));
    }

    [Fact]
    public void A_new_paper_that_carries_provenance_also_records_the_source_that_stored_it()
    {
        var incoming = FromHuggingFace() with { Sources = [new Provenance(PaperSources.HuggingFace, T0.AddDays(-1))] };
        var fresh = PaperMerger.Merge(null, incoming, PaperSources.File, T0).Paper;
        Assert.Equal([PaperSources.HuggingFace, PaperSources.File], fresh.Sources.Select(s => s.Source));
        Assert.Equal(PaperChange.Unchanged, PaperMerger.Merge(fresh, incoming, PaperSources.File, T0.AddDays(1)).Change);
    }
}
