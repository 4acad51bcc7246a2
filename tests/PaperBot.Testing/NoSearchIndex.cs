using PaperBot.Core.Papers;
using PaperBot.Core.Search;

namespace PaperBot.Testing;

/// <summary>An index that keeps nothing, for tests of ingestion and delivery that don't search.</summary>
public sealed class NoSearchIndex : IPaperIndexer
{
    public void Index(IReadOnlyCollection<Paper> papers)
    {
    }

    public void Remove(IReadOnlyCollection<PaperId> ids)
    {
    }

    public int Rebuild(CancellationToken cancellationToken = default) => 0;
}
