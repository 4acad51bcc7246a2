using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;

namespace PaperBot.Core.Delivery;

public sealed record ResumeResult(IReadOnlyList<string> Resumed, int Requeued);

/// <summary>
/// A permanent failure pauses every subscription of its delivery target (the address or channel is the problem).
/// Once the owner has fixed it, resuming one subscription resumes them all and queues their failed alerts again.
/// </summary>
public sealed class PausedTargets(ISubscriptionStore subscriptions, IOutbox outbox, TimeProvider time)
{
    /// <returns>Null when there is no such subscription.</returns>
    public ResumeResult? Resume(string subscriptionId)
    {
        if (subscriptions.Find(subscriptionId) is not { } subscription) return null;
        var target = subscriptions.All().Where(s => s.Subscriber.TargetKey == subscription.Subscriber.TargetKey).ToList();
        var paused = target.Where(s => s.PausedReason is not null).ToList();
        foreach (var s in paused) subscriptions.Update(s with { PausedReason = null });
        var requeued = outbox.Requeue([.. target.Select(s => s.Id)], time.GetUtcNow());
        return new ResumeResult([.. paused.Select(s => s.Id)], requeued);
    }
}
