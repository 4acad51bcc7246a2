using PaperBot.Core.Ingestion;

namespace PaperBot.Testing.Fakes;

/// <summary>A source that returns scripted results in turn (the last repeats), or throws.</summary>
public sealed class ScriptedSource(string name, params Func<FetchRequest, SourceFetchResult>[] script) : IPaperSource
{
    private int _calls;

    public string Name => name;

    public List<FetchRequest> Requests { get; } = [];

    public Task<SourceFetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var step = script[Math.Min(_calls++, script.Length - 1)];
        return Task.FromResult(step(request));
    }
}
