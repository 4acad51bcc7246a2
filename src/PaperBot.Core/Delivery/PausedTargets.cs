using PaperBot.Core.Outbox;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Core.Delivery;

/// <param name="Unsuppressed">The target was an email address on the suppression list, and is taken off it.</param>
public sealed record ResumeResult(IReadOnlyList<string> Resumed, int Requeued, bool Unsuppressed);

/// <summary>
/// A permanent failure pauses every subscription of its delivery target (the address or channel is the problem).
/// Once the owner has fixed it, resuming one subscription resumes them all, takes an email address off the suppression
/// list (otherwise <c>/subscribe</c> would keep refusing it) and queues their failed alerts again.
/// </summary>
public sealed class PausedTargets(ISubscriptionStore subscriptions, IOutbox outbox, ISuppressionList suppressions,
    IEnumerable<ITargetResumeListener> listeners, TimeProvider time)
{
    /// <returns>Null when there is no such subscription.</returns>
    public ResumeResult? Resume(string subscriptionId)
    {
        if (subscriptions.Find(subscriptionId) is not { } subscription) return null;
        var target = subscriptions.ForTarget(subscription.Subscriber.TargetKey);
        var paused = target.Where(s => s.PausedReason is not null).ToList();
        foreach (var s in paused) subscriptions.Update(s with { PausedReason = null });
        var unsuppressed = subscription.Subscriber.Kind == SubscriberKind.Email && suppressions.Remove(subscription.Subscriber.Address);
        foreach (var listener in listeners) listener.Resumed(subscription.Subscriber);
        var requeued = outbox.Requeue([.. target.Select(s => s.Id)], time.GetUtcNow());
        return new ResumeResult([.. paused.Select(s => s.Id)], requeued, unsuppressed);
    }
}
