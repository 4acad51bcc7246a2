using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperBot.Core.Outbox;
using PaperBot.Core.Papers;
using PaperBot.Core.Storage;
using PaperBot.Core.Subscriptions;
using PaperBot.Core.Telemetry;

namespace PaperBot.Core.Delivery;

/// <summary>
/// One dispatch pass: plan what is due, and for each batch claim → send → mark. A crash between send and mark
/// leaves the batch claimed; the next start re-sends it unchanged, with the same idempotency key, so the far end
/// drops the repeat. Targets are independent: a failure stops only its own target until its retry time.
/// </summary>
public sealed class DispatchService(IOutbox outbox, IPaperStore papers, ISubscriptionStore subscriptions,
    IEnumerable<IDeliveryChannel> channels, DeliveryOptions options, RetryPolicy retry, TimeProvider time, ILogger<DispatchService> log)
{
    /// <summary>How long a claimed batch may stay in flight before a pass assumes its sender died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>At 3 UTF-8 bytes a character, with the prefix, still under LiteDB's 1,023-byte index key.</summary>
    private const int MaxReasonLength = 280;

    private readonly IReadOnlyList<IDeliveryChannel> _channels = channels.ToList();
    private readonly DispatchPlanner _planner = new(options.MaxItemsPerDigest);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private bool _started;

    /// <param name="digestsDueNow">Send every digest now, whatever its schedule (the demo).</param>
    public async Task<DispatchReport> RunOnceAsync(CancellationToken ct, bool digestsDueNow = false)
    {
        await _pass.WaitAsync(ct);
        try
        {
            // This process holds the database lock, so on the first pass anything still in flight is a previous run's.
            var recovered = outbox.ReleaseInFlight(_started ? time.GetUtcNow() : DateTimeOffset.MaxValue);
            _started = true;
            var subs = subscriptions.All().ToDictionary(s => s.Id, StringComparer.Ordinal);
            // Only targets with something due are read: a day's digests wait in the store until their slot.
            var now = time.GetUtcNow();
            var snapshot = outbox.LoadOpen(digestsDueNow ? null : now);
            DiscardOrphans(snapshot, subs);
            var outcomes = new List<BatchOutcome>();
            var paused = new List<string>();
            foreach (var target in _planner.PlanByTarget(snapshot, subs, now, digestsDueNow))
            {
                foreach (var batch in target)
                {
                    var outcome = await DeliverAsync(batch, subs, paused, ct);
                    outcomes.Add(outcome);
                    CoreMetrics.Dispatched(outcome.Kind.ToString(), outcome.Outcome.ToString());
                    if (outcome.Outcome is DispatchOutcome.Retrying or DispatchOutcome.Failed or DispatchOutcome.NoChannel) break;
                }
            }
            return new DispatchReport(outcomes, recovered, paused);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Items of removed subscriptions will never go out (unless a live claimed batch carries them): close them,
    /// so the open set each pass reads stays small.</summary>
    private void DiscardOrphans(OutboxSnapshot snapshot, Dictionary<string, Subscription> subs)
    {
        var orphans = snapshot.Targets
            .Where(t => t.SubscriptionIds.Any(id => !subs.ContainsKey(id)))
            .SelectMany(t => t.Items())
            .Where(i => !subs.ContainsKey(i.SubscriptionId) && !(i.Batch is { } b && subs.TryGetValue(b.SubscriptionId, out var owner) && owner.IsActive))
            .ToList();
        if (orphans.Count > 0) outbox.Discard(orphans, "subscription removed");
    }

    private async Task<BatchOutcome> DeliverAsync(PlannedBatch planned, Dictionary<string, Subscription> subs, List<string> paused, CancellationToken ct)
    {
        var claim = planned.Claim();
        var papersCount = claim.Papers.Count;
        BatchOutcome Outcome(DispatchOutcome o, string? detail = null) => new(planned.Batch.Id, planned.Target, planned.Batch.Kind, papersCount, o, detail);

        if (!subs.TryGetValue(planned.Batch.SubscriptionId, out var subscription)) return Outcome(DispatchOutcome.NoChannel, "subscription removed");
        if (papersCount == 0 && !options.SendEmptyDigests)
        {
            outbox.RecordDigest(subscription.Id, time.GetUtcNow());
            return Outcome(DispatchOutcome.EmptySkipped);
        }
        if (_channels.FirstOrDefault(c => c.Serves(subscription.Subscriber.Kind)) is not { } channel)
            return Outcome(DispatchOutcome.NoChannel, $"no channel delivers to {subscription.Subscriber.Kind}");

        var batch = Load(planned, subscription);
        outbox.MarkSending(claim, time.GetUtcNow() + Lease);
        DeliveryResult result;
        try
        {
            result = await channel.SendAsync(batch, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in a channel must not stall every other target: treat it as transient and keep the items.
            log.LogError(e, "Delivery of batch {BatchId} to {Target} threw", planned.Batch.Id, planned.Target);
            result = new DeliveryResult.Transient("unexpected error: " + e.Message);
        }

        var now = time.GetUtcNow();
        switch (result)
        {
            case DeliveryResult.Sent sent:
                outbox.MarkSent(claim, now);
                CoreMetrics.Delivered(planned.Batch.Kind.ToString(), claim.ItemIds.Count, planned.Entries.Select(e => now - e.CreatedAt));
                return Outcome(DispatchOutcome.Sent, sent.Receipt);
            case DeliveryResult.Transient transient:
                var next = retry.NextAttempt(planned.Attempts + 1, transient.RetryAfter, now);
                outbox.MarkRetry(claim, next, transient.Reason);
                log.LogWarning("Delivery to {Target} failed ({Reason}); retry at {NextAttemptAt:o}", planned.Target, transient.Reason, next);
                return Outcome(DispatchOutcome.Retrying, transient.Reason);
            case DeliveryResult.Permanent permanent:
                outbox.MarkFailed(claim, permanent.Reason);
                paused.AddRange(Pause(planned.Target, permanent.Reason, now, subs));
                log.LogError("Delivery to {Target} failed permanently ({Reason}); its subscriptions are paused", planned.Target, permanent.Reason);
                return Outcome(DispatchOutcome.Failed, permanent.Reason);
            default:
                throw new InvalidOperationException($"unknown delivery result {result}");
        }
    }

    /// <summary>The target itself is unreachable, so all its subscriptions pause; /healthz and `subscriptions` show why.
    /// The reason is cut because it is indexed (LiteDB keys stay under 1,023 bytes) and a far end writes most of it.</summary>
    private List<string> Pause(string target, string reason, DateTimeOffset now, Dictionary<string, Subscription> subs)
    {
        var why = string.Create(CultureInfo.InvariantCulture, $"delivery failed permanently at {now:yyyy-MM-dd HH:mm}Z: {Utf16Text.Cut(reason, MaxReasonLength)}");
        var paused = new List<string>();
        foreach (var s in subs.Values.Where(s => s.Subscriber.TargetKey == target && s.PausedReason is null).ToList())
        {
            var pausedSub = s with { PausedReason = why };
            subscriptions.Update(pausedSub);
            subs[s.Id] = pausedSub;
            paused.Add(s.Id);
        }
        return paused;
    }

    private DeliveryBatch Load(PlannedBatch planned, Subscription subscription)
    {
        var entries = planned.Shown
            .Select(e => papers.Find(e.PaperId) is { } paper ? new DigestEntry(paper, e.Why, e.Score) : null)
            .OfType<DigestEntry>()
            .ToList();
        return new DeliveryBatch(planned.Batch.Id, planned.Batch.Kind, subscription, entries, planned.Overflow.Count, time.GetUtcNow());
    }
}
