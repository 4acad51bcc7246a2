using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Queries;

namespace PaperBot.Testing.Fakes;

/// <summary>A matcher with one subscription that matches every paper, recording what it was asked.</summary>
public sealed class MatchEverything : IPaperMatcher
{
    public List<PaperId> Seen { get; } = [];

    public IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers)
    {
        Seen.AddRange(papers.Select(p => p.Id));
        return [.. papers.Select(p => new PaperMatch("sub-1", p.Id, [new MatchHit("title", p.Title)], 1.0))];
    }
}

public sealed class RecordingOutbox : IAlertQueue
{
    public List<PaperMatch> Enqueued { get; } = [];

    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        Enqueued.AddRange(matches);
        return matches.Count;
    }
}
