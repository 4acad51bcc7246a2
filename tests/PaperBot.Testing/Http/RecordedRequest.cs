namespace PaperBot.Testing.Http;

/// <summary>A request the <see cref="FixtureHttpServer"/> received, with its headers and when (by the server's clock).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)
{
    public string PathAndQuery => Path + Query;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}
