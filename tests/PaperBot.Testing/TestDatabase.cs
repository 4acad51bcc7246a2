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
        Open();
    }

    public string Path { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
    public LiteDbContext Context { get; private set; } = null!;
    public LiteDbPaperStore Papers { get; private set; } = null!;
    public LiteDbSubscriptionStore Subscriptions { get; private set; } = null!;
    public LiteDbOutbox Outbox { get; private set; } = null!;
    public LiteDbSourceStateStore SourceStates { get; private set; } = null!;
    public LiteDbSuppressionList Suppressions { get; private set; } = null!;
    public LiteDbIncidentStore Incidents { get; private set; } = null!;

    /// <summary>A process restart: the database file is closed and opened again, with new stores over it.</summary>
    public void Reopen()
    {
        Context.Dispose();
        Open();
    }

    private void Open()
    {
        Context = LiteDbContext.Open(Path);
        Papers = new LiteDbPaperStore(Context, Time);
        Subscriptions = new LiteDbSubscriptionStore(Context);
        Outbox = new LiteDbOutbox(Context, Time);
        SourceStates = new LiteDbSourceStateStore(Context);
        Suppressions = new LiteDbSuppressionList(Context);
        Incidents = new LiteDbIncidentStore(Context);
    }

    public void Dispose()
    {
        Context.Dispose();
        _dir.Dispose();
    }
}
