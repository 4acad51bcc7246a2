using System.Text;

namespace PaperBot.Testing.Http;

/// <summary>One scripted answer of the <see cref="FixtureHttpServer"/>.</summary>
public sealed record FixtureResponse
{
    public int Status { get; init; } = 200;
    public byte[] Body { get; init; } = [];
    public string ContentType { get; init; } = "text/plain; charset=utf-8";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Waits this long (real time) before answering, to provoke client timeouts.</summary>
    public TimeSpan Delay { get; init; }

    public static FixtureResponse Text(string body, string contentType = "text/plain; charset=utf-8", int status = 200) =>
        new() { Status = status, Body = Encoding.UTF8.GetBytes(body), ContentType = contentType };

    public static FixtureResponse Bytes(byte[] body, string contentType, int status = 200) =>
        new() { Status = status, Body = body, ContentType = contentType };

    /// <summary>A file from the shared fixtures (<c>Fixtures/…</c> beside the test assembly).</summary>
    public static FixtureResponse File(string fixture, string contentType) =>
        Bytes(FixtureFiles.Bytes(fixture), contentType);

    public static FixtureResponse Code(int status) => new() { Status = status };

    public FixtureResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
