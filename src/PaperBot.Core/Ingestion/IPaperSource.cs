namespace PaperBot.Core.Ingestion;

/// <summary>A place papers come from (Hugging Face, the arXiv API, arXiv RSS, a configured feed).
/// Expected failures (HTTP errors, unparsable documents) come back as <see cref="SourceFetchResult.Error"/>,
/// never as exceptions.</summary>
public interface IPaperSource
{
    /// <summary>The source name used in configuration, logs, provenance and <c>--source</c>.</summary>
    string Name { get; }

    Task<SourceFetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
