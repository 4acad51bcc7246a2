using Microsoft.Extensions.Time.Testing;
using PaperBot.Storage;

namespace PaperBot.Testing;

/// <summary>A LiteDB file in its own temp folder with the stores over it and a fake clock.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TestDatabase()
    {
        Path = _dir.File("paperbot.db");
        Context = LiteDbContext.Open(Path);
        Papers = new LiteDbPaperStore(Context, Time);
        Subscriptions = new LiteDbSubscriptionStore(Context);
        Outbox = new LiteDbOutbox(Context, Time);
        SourceStates = new LiteDbSourceStateStore(Context);
    }

    public string Path { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
    public LiteDbContext Context { get; }
    public LiteDbPaperStore Papers { get; }
    public LiteDbSubscriptionStore Subscriptions { get; }
    public LiteDbOutbox Outbox { get; }
    public LiteDbSourceStateStore SourceStates { get; }

    public void Dispose()
    {
        Context.Dispose();
        _dir.Dispose();
    }
}
