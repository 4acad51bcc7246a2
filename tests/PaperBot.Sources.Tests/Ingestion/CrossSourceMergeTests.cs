using PaperBot.Testing.Fakes;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Sources.Arxiv;
using PaperBot.Sources.HuggingFace;
using PaperBot.Testing;

namespace PaperBot.Sources.Tests.Ingestion;

public sealed class CrossSourceMergeTests
{
    [Fact]
    public async Task The_same_paper_from_hugging_face_the_api_and_rss_becomes_one_merged_record()
    {
        var f = new IngestionFixture();
        var hf = new HuggingFaceParser().Parse(FixtureFiles.Open("sources/hf-daily-papers.json")).Papers;
        var api = new ArxivAtomParser().Parse(FixtureFiles.Open("sources/arxiv-api-page1.atom")).Papers;
        var rss = new ArxivRssParser().ParseListing(FixtureFiles.Open("sources/arxiv-rss-cs.AI.xml")).Announcements;
        var service = f.Service(
            new ScriptedSource(PaperSources.HuggingFace, _ => new SourceFetchResult { Papers = [.. hf.Select(p => new FetchedPaper(p))] }),
            new ScriptedSource(PaperSources.ArxivRss, _ => new SourceFetchResult { Papers = [.. rss.Select(a => new FetchedPaper(a.Paper))] }),
            new ScriptedSource(PaperSources.Arxiv, _ => new SourceFetchResult { Papers = [.. api.Select(p => new FetchedPaper(p))] }));

        var report = await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal([3, 3, 2], report.Sources.Select(s => s.New));
        Assert.Equal([0, 1, 1], report.Sources.Select(s => s.Updated));
        var paper = f.Store.Find(PaperId.Parse("2402.12345"))!;
        Assert.Equal(2, paper.Version);
        Assert.Equal(41, paper.Upvotes);
        Assert.Equal("Small models reason well after curriculum training.", paper.Summary);
        Assert.Equal("We show that small models can reason when trained on well-chosen curricula. Code is released.", paper.Abstract);
        Assert.Equal(["cs.CL", "cs.AI", "I.2.7", "cs.LG"], paper.Categories);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper.Authors);
        Assert.Equal("10.1234/widgets.2024.017", paper.Links.Doi);
        Assert.Equal([PaperSources.HuggingFace, PaperSources.ArxivRss, PaperSources.Arxiv], paper.Sources.Select(s => s.Source));
        Assert.Equal(new DateTimeOffset(2024, 2, 22, 18, 59, 1, TimeSpan.Zero), paper.PublishedAt);
    }

    [Fact]
    public async Task Polling_the_same_documents_again_changes_nothing()
    {
        var f = new IngestionFixture();
        var hf = new HuggingFaceParser().Parse(FixtureFiles.Open("sources/hf-daily-papers.json")).Papers;
        var api = new ArxivAtomParser().Parse(FixtureFiles.Open("sources/arxiv-api-page1.atom")).Papers;
        var service = f.Service(
            new ScriptedSource(PaperSources.HuggingFace, _ => new SourceFetchResult { Papers = [.. hf.Select(p => new FetchedPaper(p))] }),
            new ScriptedSource(PaperSources.Arxiv, _ => new SourceFetchResult { Papers = [.. api.Select(p => new FetchedPaper(p))] }));

        await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);
        var again = await service.RunAsync(null, FetchRequest.Latest, false, CancellationToken.None);

        Assert.Equal((0, 0, 6), (again.New, again.Updated, again.Unchanged));
    }
}
