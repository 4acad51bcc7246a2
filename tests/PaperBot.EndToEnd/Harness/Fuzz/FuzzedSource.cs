using PaperBot.Testing.Http;

namespace PaperBot.EndToEnd.Harness.Fuzz;

/// <summary>
/// A source on the fixture server whose next poll serves the input offered to it, once; every other poll (a second
/// page, a poll between two inputs) gets its good document. Content types vary too: a wrong charset is part of the fuzz.
/// </summary>
public sealed class FuzzedSource(string name, string path, DocumentKind kind, Func<RecordedRequest, FixtureResponse> good)
{
    private readonly Lock _lock = new();
    private Mutant? _pending;
    private string _contentType = "";
    private DateTimeOffset? _servedAt;

    /// <summary>The source's name in /status.</summary>
    public string Name { get; } = name;

    public string Path { get; } = path;

    public DocumentKind Kind { get; } = kind;

    public Func<RecordedRequest, FixtureResponse> Good { get; } = good;

    public FuzzedSource ServeFrom(FixtureHttpServer server)
    {
        server.On(Path, Answer);
        return this;
    }

    public void Offer(Mutant input, string contentType)
    {
        lock (_lock)
        {
            _pending = input;
            _contentType = contentType;
            _servedAt = null;
        }
    }

    /// <summary>When the offered input went out (null: not yet).</summary>
    public DateTimeOffset? ServedAt
    {
        get { lock (_lock) return _servedAt; }
    }

    private FixtureResponse Answer(RecordedRequest request)
    {
        lock (_lock)
        {
            if (_pending is null || _servedAt is not null) return Good(request);
            _servedAt = DateTimeOffset.UtcNow;
            return FixtureResponse.Bytes(_pending.Bytes, _contentType);
        }
    }
}
