using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PaperBot.Testing.Fakes;
using PaperBot.Core.Ingestion;
using PaperBot.Core.Papers;
using PaperBot.Testing;

namespace PaperBot.Testing.Fakes;

/// <summary>An <see cref="IngestionService"/> over in-memory fakes, and helpers to script sources.</summary>
public sealed class IngestionFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 2, 23, 6, 0, 0, TimeSpan.Zero));
    public InMemoryPaperStore Store { get; }
    public InMemorySourceStateStore States { get; } = new();
    public MatchEverything Matcher { get; } = new();
    public RecordingOutbox Outbox { get; } = new();

    public IngestionFixture() => Store = InMemoryPaperStore.Merging(Time);

    public IngestionService Service(params IPaperSource[] sources) =>
        new(sources, new PaperIntake(Store, new NoSearchIndex(), Matcher, Outbox), States, Time, NullLogger<IngestionService>.Instance);

    public static Paper Paper(string id, int? version = null, string? title = null) =>
        new() { Id = PaperId.Parse(id), Version = version, Title = title ?? $"Paper {id}" };

    public static SourceFetchResult Bringing(params Paper[] papers) => new() { Papers = [.. papers.Select(p => new FetchedPaper(p))] };

    public static Func<FetchRequest, SourceFetchResult> Returns(SourceFetchResult result) => _ => result;
}
