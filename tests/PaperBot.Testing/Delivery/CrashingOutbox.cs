using PaperBot.Core.Matching;
using PaperBot.Core.Outbox;

namespace PaperBot.Testing.Delivery;

/// <summary>The process dies here: thrown by <see cref="CrashingOutbox"/> and never caught by the code under test.</summary>
public sealed class SimulatedCrash(string where) : Exception($"simulated crash at {where}");

/// <summary>
/// Wraps the real outbox and "crashes" (throws <see cref="SimulatedCrash"/>) on the n-th call of one method, before
/// the call reaches the store — e.g. n-th <c>MarkSent</c> = after the send, before the mark.
/// </summary>
public sealed class CrashingOutbox(IOutbox inner) : IOutbox
{
    private readonly Dictionary<string, int> _calls = [];
    private (string Method, int Nth)? _crash;

    /// <summary>Arms the crash, counting calls from now.</summary>
    public void CrashAt(string method, int nth = 1)
    {
        _calls.Clear();
        _crash = (method, nth);
    }

    public void Disarm() => _crash = null;

    private void Step(string method)
    {
        var n = _calls[method] = _calls.GetValueOrDefault(method) + 1;
        if (_crash is not { } c || c.Method != method || c.Nth != n) return;
        _crash = null;
        throw new SimulatedCrash($"{method} #{n}");
    }

    public int Enqueue(IReadOnlyList<PaperMatch> matches)
    {
        Step(nameof(Enqueue));
        return inner.Enqueue(matches);
    }

    public IReadOnlyList<OutboxItem> Pending(int max) => inner.Pending(max);

    public TargetBacklog SinceLastDelivery(string target, int max) => inner.SinceLastDelivery(target, max);

    public OutboxSnapshot LoadOpen(DateTimeOffset? dueBy = null)
    {
        Step(nameof(LoadOpen));
        return inner.LoadOpen(dueBy);
    }

    public void MarkSending(BatchClaim claim, DateTimeOffset leaseUntil)
    {
        Step(nameof(MarkSending));
        inner.MarkSending(claim, leaseUntil);
    }

    public void MarkSent(BatchClaim claim, DateTimeOffset at)
    {
        Step(nameof(MarkSent));
        inner.MarkSent(claim, at);
    }

    public void MarkRetry(BatchClaim claim, DateTimeOffset nextAttemptAt, string reason)
    {
        Step(nameof(MarkRetry));
        inner.MarkRetry(claim, nextAttemptAt, reason);
    }

    public void MarkFailed(BatchClaim claim, string reason)
    {
        Step(nameof(MarkFailed));
        inner.MarkFailed(claim, reason);
    }

    public void Reschedule(Core.Subscriptions.Subscription subscription)
    {
        Step(nameof(Reschedule));
        inner.Reschedule(subscription);
    }

    public int Requeue(IReadOnlyCollection<string> subscriptionIds, DateTimeOffset at)
    {
        Step(nameof(Requeue));
        return inner.Requeue(subscriptionIds, at);
    }

    public void Discard(IReadOnlyList<OutboxItem> items, string reason)
    {
        Step(nameof(Discard));
        inner.Discard(items, reason);
    }

    public void RecordDigest(string subscriptionId, DateTimeOffset at)
    {
        Step(nameof(RecordDigest));
        inner.RecordDigest(subscriptionId, at);
    }

    public int ReleaseInFlight(DateTimeOffset expiredBy)
    {
        Step(nameof(ReleaseInFlight));
        return inner.ReleaseInFlight(expiredBy);
    }
}
