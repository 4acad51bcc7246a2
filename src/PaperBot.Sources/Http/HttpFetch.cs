using PaperBot.Core.Ingestion;

namespace PaperBot.Sources.Http;

public enum HttpFetchStatus { Ok, NotModified, Failed }

/// <summary>One GET of a document: its bytes and the Content-Type's charset, or 304, or why it failed; plus the
/// validators to remember.</summary>
public sealed record HttpFetch(HttpFetchStatus Status, byte[] Body, CacheValidators Validators, string? Error, string? Charset = null)
{
    public static HttpFetch Failed(string error) => new(HttpFetchStatus.Failed, [], CacheValidators.None, error);
}
