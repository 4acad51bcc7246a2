using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;

namespace PaperBot.Benchmarks.Day;

/// <summary>The real matcher, timed: the day's intake calls it as it calls the service's.</summary>
internal sealed class TimedMatcher(IPaperMatcher inner, StepClock clock) : IPaperMatcher
{
    public IReadOnlyList<PaperMatch> Match(IReadOnlyList<Paper> papers) => clock.Time(() => inner.Match(papers));
}

/// <summary>The real outbox's enqueue, timed.</summary>
internal sealed class TimedAlertQueue(IAlertQueue inner, StepClock clock) : IAlertQueue
{
    public int Enqueue(IReadOnlyList<PaperMatch> matches) => clock.Time(() => inner.Enqueue(matches));
}
