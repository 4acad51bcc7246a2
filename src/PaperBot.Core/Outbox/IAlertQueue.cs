using PaperBot.Core.Matching;

namespace PaperBot.Core.Outbox;

/// <summary>The one thing ingestion needs from the outbox: queueing alerts for new matches.</summary>
public interface IAlertQueue
{
    /// <summary>Adds an item per match unless one exists already or the paper already reached the subscription's
    /// target (the per-target delivered ledger); returns how many were added.</summary>
    int Enqueue(IReadOnlyList<PaperMatch> matches);
}
