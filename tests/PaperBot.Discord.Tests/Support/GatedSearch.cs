using PaperBot.Core.Papers;
using PaperBot.Core.Search;

namespace PaperBot.Discord.Tests.Support;

/// <summary>A search that holds every call until released: a command slower than Discord's deadline.</summary>
public sealed class GatedSearch : IPaperSearch
{
    private readonly ManualResetEventSlim _gate = new();

    public void Release() => _gate.Set();

    public SearchResults Search(SearchRequest request) => Wait(new SearchResults([], 0));

    public IReadOnlyList<Paper> Latest(int count, string? source = null) => Wait<IReadOnlyList<Paper>>([]);

    public IReadOnlyList<Paper> Trending(int count, int days = 7) => Wait<IReadOnlyList<Paper>>([]);

    private T Wait<T>(T result)
    {
        _gate.Wait(TimeSpan.FromSeconds(30));
        return result;
    }
}
