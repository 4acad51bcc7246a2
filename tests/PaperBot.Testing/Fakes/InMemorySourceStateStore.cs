using PaperBot.Core.Storage;

namespace PaperBot.Testing.Fakes;

public sealed class InMemorySourceStateStore : ISourceStateStore
{
    private readonly Dictionary<string, SourceState> _states = new(StringComparer.OrdinalIgnoreCase);

    public SourceState Get(string source) => _states.GetValueOrDefault(source) ?? new SourceState { Source = source };

    public void Put(SourceState state) => _states[state.Source] = state;

    public IReadOnlyList<SourceState> All() => [.. _states.Values];
}
